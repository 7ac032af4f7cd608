package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** END_TRANSACTION (37), oneway: commit or roll back a half message. Values of {@code commitOrRollback} are the message sysFlag transaction types: 0 unknown, 8 commit, 12 rollback. */
public class EndTransactionRequestHeader extends RpcRequestHeader {
    @Required
    private String producerGroup;
    /** Queue offset of the half message. */
    @Required
    private Long tranStateTableOffset;
    @Required
    private Long commitLogOffset;
    @Required
    private Integer commitOrRollback;
    private Boolean fromTransactionCheck;
    /** The UNIQ_KEY. */
    @Required
    private String msgId;
    private String transactionId;

    public String getProducerGroup() {
        return producerGroup;
    }

    public void setProducerGroup(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    public Long getTranStateTableOffset() {
        return tranStateTableOffset;
    }

    public void setTranStateTableOffset(Long tranStateTableOffset) {
        this.tranStateTableOffset = tranStateTableOffset;
    }

    public Long getCommitLogOffset() {
        return commitLogOffset;
    }

    public void setCommitLogOffset(Long commitLogOffset) {
        this.commitLogOffset = commitLogOffset;
    }

    public Integer getCommitOrRollback() {
        return commitOrRollback;
    }

    public void setCommitOrRollback(Integer commitOrRollback) {
        this.commitOrRollback = commitOrRollback;
    }

    public Boolean getFromTransactionCheck() {
        return fromTransactionCheck;
    }

    public void setFromTransactionCheck(Boolean fromTransactionCheck) {
        this.fromTransactionCheck = fromTransactionCheck;
    }

    public String getMsgId() {
        return msgId;
    }

    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }

    public String getTransactionId() {
        return transactionId;
    }

    public void setTransactionId(String transactionId) {
        this.transactionId = transactionId;
    }
}
