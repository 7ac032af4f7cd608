package io.apogee.client.consumer.store;

import io.apogee.client.impl.MQClientInstance;
import io.apogee.common.message.MessageQueue;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Clustering offsets, kept by the broker of each queue (QUERY/UPDATE_CONSUMER_OFFSET to its master). */
public class RemoteBrokerOffsetStore implements OffsetStore {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteBrokerOffsetStore.class);
    private static final long OFFSET_CALL_TIMEOUT = 5000;
    private final MQClientInstance instance;
    private final String group;
    private final InMemoryOffsets offsets = new InMemoryOffsets();

    public RemoteBrokerOffsetStore(MQClientInstance instance, String group) {
        this.instance = instance;
        this.group = group;
    }

    @Override
    public void load() {
        // Nothing local: offsets are read from the broker on demand.
    }

    @Override
    public void updateOffset(MessageQueue mq, long offset, boolean increaseOnly) {
        offsets.update(mq, offset, increaseOnly);
    }

    @Override
    public long readOffset(MessageQueue mq, ReadOffsetType type) {
        if (type != ReadOffsetType.READ_FROM_STORE) {
            long inMemory = offsets.get(mq);
            if (inMemory >= 0 || type == ReadOffsetType.READ_FROM_MEMORY) {
                return inMemory;
            }
        }
        String addr = masterAddr(mq);
        if (addr == null) {
            return -2;
        }
        try {
            long offset = instance.getMQClientAPI().queryConsumerOffset(addr, group, mq, OFFSET_CALL_TIMEOUT);
            if (offset >= 0) {
                offsets.update(mq, offset, false);
            }
            return offset;
        } catch (Exception e) {
            LOG.warn("query offset of {} for {} failed: {}", mq, group, e.toString());
            return -2;
        }
    }

    @Override
    public void persistAll(Set<MessageQueue> mqs) {
        offsets.copy(null).forEach((mq, offset) -> {
            if (mqs.contains(mq)) {
                send(mq, offset, true);
            } else {
                offsets.remove(mq);
            }
        });
    }

    @Override
    public void persist(MessageQueue mq) {
        long offset = offsets.get(mq);
        if (offset >= 0) {
            send(mq, offset, false);
        }
    }

    private void send(MessageQueue mq, long offset, boolean oneway) {
        String addr = masterAddr(mq);
        if (addr == null) {
            return;
        }
        try {
            instance.getMQClientAPI().updateConsumerOffset(addr, group, mq, offset, oneway, OFFSET_CALL_TIMEOUT);
        } catch (Exception e) {
            LOG.warn("commit offset {} of {} for {} failed: {}", offset, mq, group, e.toString());
        }
    }

    private String masterAddr(MessageQueue mq) {
        String addr = instance.findBrokerAddressInPublish(mq.getBrokerName());
        if (addr == null) {
            instance.updateTopicRouteInfoFromNameServer(mq.getTopic());
            addr = instance.findBrokerAddressInPublish(mq.getBrokerName());
        }
        return addr;
    }

    @Override
    public void removeOffset(MessageQueue mq) {
        offsets.remove(mq);
    }

    @Override
    public Map<MessageQueue, Long> cloneOffsetTable(String topic) {
        return offsets.copy(topic);
    }
}
