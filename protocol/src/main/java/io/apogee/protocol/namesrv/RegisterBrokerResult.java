package io.apogee.protocol.namesrv;

import io.apogee.protocol.KVTable;

/**
 * What a broker learns from one name server's REGISTER_BROKER answer: its master's addresses (slaves
 * only, from the response header) and the ORDER_TOPIC_CONFIG table (from the body, possibly empty).
 */
public final class RegisterBrokerResult {
    private String haServerAddr;
    private String masterAddr;
    private KVTable kvTable = new KVTable();

    public RegisterBrokerResult() {
    }

    public RegisterBrokerResult(String haServerAddr, String masterAddr, KVTable kvTable) {
        this.haServerAddr = haServerAddr;
        this.masterAddr = masterAddr;
        this.kvTable = kvTable;
    }

    public String getHaServerAddr() {
        return haServerAddr;
    }

    public String getMasterAddr() {
        return masterAddr;
    }

    public KVTable getKvTable() {
        return kvTable;
    }
}
