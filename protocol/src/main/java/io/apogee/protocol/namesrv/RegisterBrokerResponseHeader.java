package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;

/** REGISTER_BROKER answer; both fields are filled only for a slave, naming its master. */
public final class RegisterBrokerResponseHeader implements CommandCustomHeader {
    private String haServerAddr;
    private String masterAddr;

    public String getHaServerAddr() {
        return haServerAddr;
    }

    public RegisterBrokerResponseHeader setHaServerAddr(String haServerAddr) {
        this.haServerAddr = haServerAddr;
        return this;
    }

    public String getMasterAddr() {
        return masterAddr;
    }

    public RegisterBrokerResponseHeader setMasterAddr(String masterAddr) {
        this.masterAddr = masterAddr;
        return this;
    }
}
