package io.apogee.store;

/** Status of a put plus where it was appended; {@code remark} explains a refusal in words. */
public final class PutMessageResult {
    private final PutMessageStatus status;
    private final AppendMessageResult appendMessageResult;
    private final String remark;

    public PutMessageResult(PutMessageStatus status, AppendMessageResult appendMessageResult) {
        this(status, appendMessageResult, null);
    }

    public PutMessageResult(PutMessageStatus status, AppendMessageResult appendMessageResult, String remark) {
        this.status = status;
        this.appendMessageResult = appendMessageResult;
        this.remark = remark;
    }

    public static PutMessageResult failure(PutMessageStatus status, String remark) {
        return new PutMessageResult(status, null, remark);
    }

    /** True only when the message is stored (and flushed, for SYNC_FLUSH). */
    public boolean isOk() {
        return status == PutMessageStatus.PUT_OK;
    }

    public PutMessageStatus getPutMessageStatus() {
        return status;
    }

    /** Null when nothing was appended. */
    public AppendMessageResult getAppendMessageResult() {
        return appendMessageResult;
    }

    public String getRemark() {
        return remark;
    }

    @Override
    public String toString() {
        return "PutMessageResult{status=" + status + ", append=" + appendMessageResult
                + (remark == null ? "" : ", remark=" + remark) + "}";
    }
}
