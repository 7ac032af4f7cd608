package io.apogee.broker.processor;

import io.apogee.protocol.ResponseCode;
import io.apogee.store.PutMessageResult;

/** Maps a store put status to the send response code and remark the official clients expect. */
final class PutResultResponses {
    private PutResultResponses() {
    }

    static int code(PutMessageResult result) {
        return switch (result.getPutMessageStatus()) {
            case PUT_OK -> ResponseCode.SUCCESS;
            case FLUSH_DISK_TIMEOUT -> ResponseCode.FLUSH_DISK_TIMEOUT;
            case FLUSH_SLAVE_TIMEOUT -> ResponseCode.FLUSH_SLAVE_TIMEOUT;
            case SLAVE_NOT_AVAILABLE -> ResponseCode.SLAVE_NOT_AVAILABLE;
            case SERVICE_NOT_AVAILABLE -> ResponseCode.SERVICE_NOT_AVAILABLE;
            case MESSAGE_ILLEGAL, PROPERTIES_SIZE_EXCEEDED -> ResponseCode.MESSAGE_ILLEGAL;
            case OS_PAGE_CACHE_BUSY -> ResponseCode.SYSTEM_BUSY;
            case CREATE_MAPPED_FILE_FAILED, UNKNOWN_ERROR -> ResponseCode.SYSTEM_ERROR;
        };
    }

    /** True for the codes that still mean "stored" and must carry the send response header. */
    static boolean stored(int code) {
        return code == ResponseCode.SUCCESS || code == ResponseCode.FLUSH_DISK_TIMEOUT
                || code == ResponseCode.FLUSH_SLAVE_TIMEOUT || code == ResponseCode.SLAVE_NOT_AVAILABLE;
    }

    static String remark(PutMessageResult result) {
        if (result.getRemark() != null) {
            return result.getRemark();
        }
        return switch (result.getPutMessageStatus()) {
            case PUT_OK -> null;
            case SERVICE_NOT_AVAILABLE -> "service not available now. It may be caused by the store shutting down or the disk being full";
            case MESSAGE_ILLEGAL, PROPERTIES_SIZE_EXCEEDED -> "the message is illegal, maybe msg body or properties length not matched";
            case OS_PAGE_CACHE_BUSY -> "[PC_SYNCHRONIZED]broker busy, start flow control for a while";
            case CREATE_MAPPED_FILE_FAILED -> "create mapped file failed, server is busy or broken";
            default -> result.getPutMessageStatus().name();
        };
    }
}
