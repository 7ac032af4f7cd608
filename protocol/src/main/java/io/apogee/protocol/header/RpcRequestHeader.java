package io.apogee.protocol.header;

import io.apogee.remoting.header.CommandCustomHeader;

/**
 * Fields the official clients add to most broker-bound headers. A server may ignore them, but they
 * are modelled so a request we forward or send ourselves looks like the official one.
 */
public abstract class RpcRequestHeader implements CommandCustomHeader {
    /** Logical broker name the request targets (4.9.7 and 5.x). */
    private String bname;
    /** Namespace (5.x, namespace v2 only). */
    private String ns;
    /** "Already namespaced" marker (5.x). */
    private Boolean nsd;
    /** Oneway marker (5.x, normally absent). */
    private Boolean oway;
    /** Logical-queue marker for static topics (5.x, normally absent). */
    private Boolean lo;

    public String getBname() {
        return bname;
    }

    public void setBname(String bname) {
        this.bname = bname;
    }

    public String getNs() {
        return ns;
    }

    public void setNs(String ns) {
        this.ns = ns;
    }

    public Boolean getNsd() {
        return nsd;
    }

    public void setNsd(Boolean nsd) {
        this.nsd = nsd;
    }

    public Boolean getOway() {
        return oway;
    }

    public void setOway(Boolean oway) {
        this.oway = oway;
    }

    public Boolean getLo() {
        return lo;
    }

    public void setLo(Boolean lo) {
        this.lo = lo;
    }
}
