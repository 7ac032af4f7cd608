package io.apogee.protocol.body;

import java.util.HashSet;
import java.util.Set;

/** Answer to GET_PRODUCER_CONNECTION_LIST (204). */
public class ProducerConnection {
    private Set<Connection> connectionSet = new HashSet<>();

    public Set<Connection> getConnectionSet() {
        return connectionSet;
    }

    public void setConnectionSet(Set<Connection> connectionSet) {
        this.connectionSet = connectionSet;
    }
}
