package io.apogee.broker.processor;

import io.apogee.protocol.ResponseCode;
import io.apogee.store.GetMessageStatus;

/** The pull response code for each store read status (flows.md §4.3). */
final class PullStatusCodes {
    private PullStatusCodes() {
    }

    static int code(GetMessageStatus status, long requestOffset) {
        return switch (status) {
            case FOUND -> ResponseCode.SUCCESS;
            case NO_MATCHED_MESSAGE, MESSAGE_WAS_REMOVING -> ResponseCode.PULL_RETRY_IMMEDIATELY;
            // An empty queue only makes sense to pull from offset 0; any other offset must be corrected.
            case NO_MATCHED_LOGIC_QUEUE, NO_MESSAGE_IN_QUEUE ->
                    requestOffset != 0 ? ResponseCode.PULL_OFFSET_MOVED : ResponseCode.PULL_NOT_FOUND;
            case OFFSET_FOUND_NULL, OFFSET_OVERFLOW_ONE -> ResponseCode.PULL_NOT_FOUND;
            case OFFSET_OVERFLOW_BADLY, OFFSET_TOO_SMALL -> ResponseCode.PULL_OFFSET_MOVED;
        };
    }
}
