package io.apogee.store.dispatch;

import java.util.Map;

/** What the dispatcher learned from one commit-log record. */
public record DispatchRequest(
        String topic,
        int queueId,
        long commitLogOffset,
        int msgSize,
        long tagsCode,
        long storeTimestamp,
        long consumeQueueOffset,
        String keys,
        String uniqKey,
        int sysFlag,
        long preparedTransactionOffset,
        Map<String, String> properties) {
}
