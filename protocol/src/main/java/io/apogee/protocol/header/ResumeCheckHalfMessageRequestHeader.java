package io.apogee.protocol.header;

import io.apogee.remoting.header.CommandCustomHeader;

/** RESUME_CHECK_HALF_MESSAGE (323). */
public class ResumeCheckHalfMessageRequestHeader implements CommandCustomHeader {
    private String msgId;

    public String getMsgId() {
        return msgId;
    }

    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }
}
