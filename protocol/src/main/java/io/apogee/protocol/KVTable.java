package io.apogee.protocol;

import java.util.HashMap;
import java.util.Map;

/** A flat string table, {@code {"table":{"k":"v"}}}: KV namespaces, broker runtime info, register answers. */
public final class KVTable {
    private HashMap<String, String> table = new HashMap<>();

    public KVTable() {
    }

    public KVTable(Map<String, String> table) {
        this.table = new HashMap<>(table);
    }

    public Map<String, String> getTable() {
        return table;
    }

    public void setTable(Map<String, String> table) {
        this.table = new HashMap<>(table);
    }
}
