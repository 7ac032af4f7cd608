package io.apogee.protocol.header;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** Answer to every send code; also carried by FLUSH_DISK_TIMEOUT, SLAVE_NOT_AVAILABLE and FLUSH_SLAVE_TIMEOUT, which still count as stored. */
public class SendMessageResponseHeader implements CommandCustomHeader {
    /** Offset message id(s); comma-joined for a batch. */
    @Required
    private String msgId;
    @Required
    private Integer queueId;
    /** Queue offset of the (first) stored message. */
    @Required
    private Long queueOffset;
    /** The message's UNIQ_KEY, echoed back by END_TRANSACTION. */
    private String transactionId;
    private String batchUniqId;

    public String getMsgId() {
        return msgId;
    }

    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }

    public Integer getQueueId() {
        return queueId;
    }

    public void setQueueId(Integer queueId) {
        this.queueId = queueId;
    }

    public Long getQueueOffset() {
        return queueOffset;
    }

    public void setQueueOffset(Long queueOffset) {
        this.queueOffset = queueOffset;
    }

    public String getTransactionId() {
        return transactionId;
    }

    public void setTransactionId(String transactionId) {
        this.transactionId = transactionId;
    }

    public String getBatchUniqId() {
        return batchUniqId;
    }

    public void setBatchUniqId(String batchUniqId) {
        this.batchUniqId = batchUniqId;
    }
}
