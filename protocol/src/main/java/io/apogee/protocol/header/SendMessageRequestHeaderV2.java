package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/**
 * SEND_MESSAGE_V2 (310), SEND_BATCH_MESSAGE (320) and SEND_REPLY_MESSAGE_V2 (325): the default send
 * header. It holds {@link SendMessageRequestHeader}'s data under one-letter wire keys to keep the
 * frame small; {@link #toV1()} and {@link #fromV1} convert so processors only deal with one shape.
 */
public class SendMessageRequestHeaderV2 extends RpcRequestHeader {
    /** producerGroup. */
    @Required
    private String a;
    /** topic. */
    @Required
    private String b;
    /** defaultTopic. */
    @Required
    private String c;
    /** defaultTopicQueueNums. */
    @Required
    private Integer d;
    /** queueId. */
    @Required
    private Integer e;
    /** sysFlag. */
    @Required
    private Integer f;
    /** bornTimestamp. */
    @Required
    private Long g;
    /** flag. */
    @Required
    private Integer h;
    /** properties. */
    private String i;
    /** reconsumeTimes. */
    private Integer j;
    /** unitMode. */
    private Boolean k;
    /** maxReconsumeTimes. */
    private Integer l;
    /** batch. */
    private Boolean m;
    /** brokerName the client targets. */
    private String n;

    public SendMessageRequestHeader toV1() {
        SendMessageRequestHeader v1 = new SendMessageRequestHeader();
        v1.setProducerGroup(a);
        v1.setTopic(b);
        v1.setDefaultTopic(c);
        v1.setDefaultTopicQueueNums(d);
        v1.setQueueId(e);
        v1.setSysFlag(f);
        v1.setBornTimestamp(g);
        v1.setFlag(h);
        v1.setProperties(i);
        v1.setReconsumeTimes(j);
        v1.setUnitMode(Boolean.TRUE.equals(k));
        v1.setMaxReconsumeTimes(l);
        v1.setBatch(Boolean.TRUE.equals(m));
        v1.setBname(n != null ? n : getBname());
        return v1;
    }

    public static SendMessageRequestHeaderV2 fromV1(SendMessageRequestHeader v1) {
        SendMessageRequestHeaderV2 v2 = new SendMessageRequestHeaderV2();
        v2.a = v1.getProducerGroup();
        v2.b = v1.getTopic();
        v2.c = v1.getDefaultTopic();
        v2.d = v1.getDefaultTopicQueueNums();
        v2.e = v1.getQueueId();
        v2.f = v1.getSysFlag();
        v2.g = v1.getBornTimestamp();
        v2.h = v1.getFlag();
        v2.i = v1.getProperties();
        v2.j = v1.getReconsumeTimes();
        v2.k = v1.isUnitMode();
        v2.l = v1.getMaxReconsumeTimes();
        v2.m = v1.isBatch();
        // The official V2 header carries the broker name only as `n`, never as `bname`.
        v2.n = v1.getBname();
        return v2;
    }

    public String getA() {
        return a;
    }

    public void setA(String a) {
        this.a = a;
    }

    public String getB() {
        return b;
    }

    public void setB(String b) {
        this.b = b;
    }

    public String getC() {
        return c;
    }

    public void setC(String c) {
        this.c = c;
    }

    public Integer getD() {
        return d;
    }

    public void setD(Integer d) {
        this.d = d;
    }

    public Integer getE() {
        return e;
    }

    public void setE(Integer e) {
        this.e = e;
    }

    public Integer getF() {
        return f;
    }

    public void setF(Integer f) {
        this.f = f;
    }

    public Long getG() {
        return g;
    }

    public void setG(Long g) {
        this.g = g;
    }

    public Integer getH() {
        return h;
    }

    public void setH(Integer h) {
        this.h = h;
    }

    public String getI() {
        return i;
    }

    public void setI(String i) {
        this.i = i;
    }

    public Integer getJ() {
        return j;
    }

    public void setJ(Integer j) {
        this.j = j;
    }

    public Boolean getK() {
        return k;
    }

    public void setK(Boolean k) {
        this.k = k;
    }

    public Integer getL() {
        return l;
    }

    public void setL(Integer l) {
        this.l = l;
    }

    public Boolean getM() {
        return m;
    }

    public void setM(Boolean m) {
        this.m = m;
    }

    public String getN() {
        return n;
    }

    public void setN(String n) {
        this.n = n;
    }
}
