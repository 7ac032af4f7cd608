package io.apogee.protocol.route;

import java.util.Objects;

/** One broker's share of a topic in a route: queue counts and permission. */
public final class QueueData {
    private String brokerName;
    private int readQueueNums;
    private int writeQueueNums;
    private int perm;
    private int topicSysFlag;

    public QueueData() {
    }

    public QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {
        this.brokerName = brokerName;
        this.readQueueNums = readQueueNums;
        this.writeQueueNums = writeQueueNums;
        this.perm = perm;
        this.topicSysFlag = topicSysFlag;
    }

    /** The same queue data with another permission; QueueData held in route snapshots is never mutated. */
    public QueueData withPerm(int newPerm) {
        return new QueueData(brokerName, readQueueNums, writeQueueNums, newPerm, topicSysFlag);
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public int getReadQueueNums() {
        return readQueueNums;
    }

    public void setReadQueueNums(int readQueueNums) {
        this.readQueueNums = readQueueNums;
    }

    public int getWriteQueueNums() {
        return writeQueueNums;
    }

    public void setWriteQueueNums(int writeQueueNums) {
        this.writeQueueNums = writeQueueNums;
    }

    public int getPerm() {
        return perm;
    }

    public void setPerm(int perm) {
        this.perm = perm;
    }

    public int getTopicSysFlag() {
        return topicSysFlag;
    }

    public void setTopicSysFlag(int topicSysFlag) {
        this.topicSysFlag = topicSysFlag;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueData q && readQueueNums == q.readQueueNums && writeQueueNums == q.writeQueueNums
                && perm == q.perm && topicSysFlag == q.topicSysFlag && Objects.equals(brokerName, q.brokerName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(brokerName, readQueueNums, writeQueueNums, perm, topicSysFlag);
    }

    @Override
    public String toString() {
        return "QueueData[" + brokerName + ", read=" + readQueueNums + ", write=" + writeQueueNums + ", perm=" + perm
                + ", sysFlag=" + topicSysFlag + "]";
    }
}
