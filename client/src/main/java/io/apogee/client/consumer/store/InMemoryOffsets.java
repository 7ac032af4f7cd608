package io.apogee.client.consumer.store;

import io.apogee.common.message.MessageQueue;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** The in-memory offset table both stores keep in front of their persistence. */
final class InMemoryOffsets {
    private final ConcurrentMap<MessageQueue, AtomicLong> table = new ConcurrentHashMap<>();

    void update(MessageQueue mq, long offset, boolean increaseOnly) {
        AtomicLong current = table.computeIfAbsent(mq, k -> new AtomicLong(offset));
        if (increaseOnly) {
            current.accumulateAndGet(offset, Math::max);
        } else {
            current.set(offset);
        }
    }

    long get(MessageQueue mq) {
        AtomicLong value = table.get(mq);
        return value == null ? -1 : value.get();
    }

    void remove(MessageQueue mq) {
        table.remove(mq);
    }

    Map<MessageQueue, Long> copy(String topic) {
        Map<MessageQueue, Long> copy = new HashMap<>();
        table.forEach((mq, offset) -> {
            if (topic == null || topic.equals(mq.getTopic())) {
                copy.put(mq, offset.get());
            }
        });
        return copy;
    }
}
