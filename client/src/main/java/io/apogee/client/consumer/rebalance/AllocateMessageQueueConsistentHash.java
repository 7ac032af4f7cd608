package io.apogee.client.consumer.rebalance;

import io.apogee.client.consumer.AllocateMessageQueueStrategy;
import io.apogee.common.message.MessageQueue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consistent hashing: consumers sit on a hash ring ({@code virtualNodeCnt} points each) and a queue
 * belongs to the first consumer point at or after its own hash, so a consumer joining or leaving
 * moves only the queues next to it.
 */
public class AllocateMessageQueueConsistentHash implements AllocateMessageQueueStrategy {
    private final int virtualNodeCnt;

    public AllocateMessageQueueConsistentHash() {
        this(10);
    }

    public AllocateMessageQueueConsistentHash(int virtualNodeCnt) {
        if (virtualNodeCnt < 1) {
            throw new IllegalArgumentException("virtualNodeCnt must be at least 1: " + virtualNodeCnt);
        }
        this.virtualNodeCnt = virtualNodeCnt;
    }

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        if (!AllocationChecks.canAllocate(consumerGroup, currentCID, mqAll, cidAll)) {
            return List.of();
        }
        TreeMap<Long, String> ring = new TreeMap<>();
        for (String cid : cidAll) {
            for (int i = 0; i < virtualNodeCnt; i++) {
                ring.put(hash(cid + "-" + i), cid);
            }
        }
        List<MessageQueue> result = new ArrayList<>();
        for (MessageQueue mq : mqAll) {
            Map.Entry<Long, String> owner = ring.ceilingEntry(hash(mq.toString()));
            if (owner == null) {
                owner = ring.firstEntry();
            }
            if (owner.getValue().equals(currentCID)) {
                result.add(mq);
            }
        }
        return result;
    }

    private static long hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    @Override
    public String getName() {
        return "CONSISTENT_HASH";
    }
}
