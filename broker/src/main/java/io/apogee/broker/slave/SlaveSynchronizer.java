package io.apogee.broker.slave;

import io.apogee.broker.group.SubscriptionGroupManager;
import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.broker.outer.BrokerOuterAPI;
import io.apogee.broker.schedule.DelayOffsetTable;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.protocol.Json;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.TopicConfigSerializeWrapper;
import io.apogee.protocol.body.ConsumerOffsetSerializeWrapper;
import io.apogee.protocol.body.SubscriptionGroupWrapper;
import io.apogee.protocol.namesrv.RegisterBrokerResponseHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageStore;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's copy of its master's metadata, as RocketMQ's slave keeps it: the topic table and the
 * subscription groups (taken whole when the master's data version differs), consumer offsets (the
 * master's win) and delay-level progress. Without it a slave could not serve pulls for the master's
 * topics, nor answer consumers where they stopped.
 */
public final class SlaveSynchronizer {
    private static final Logger LOG = LoggerFactory.getLogger(SlaveSynchronizer.class);

    private final BrokerOuterAPI outerAPI;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final ConsumerOffsetManager offsets;
    private final DelayOffsetTable delayOffsets;
    private final MessageStore store;
    private final Executor executor;
    private volatile String masterAddr;

    /** {@code executor} runs the sync a new master triggers, off the registering thread. */
    public SlaveSynchronizer(BrokerOuterAPI outerAPI, TopicConfigManager topics, SubscriptionGroupManager groups,
                             ConsumerOffsetManager offsets, DelayOffsetTable delayOffsets, MessageStore store,
                             Executor executor) {
        this.outerAPI = outerAPI;
        this.store = store;
        this.executor = executor;
        this.topics = topics;
        this.groups = groups;
        this.offsets = offsets;
        this.delayOffsets = delayOffsets;
    }

    /** The master's client address as the name server last named it; null while there is none. */
    public String masterAddr() {
        return masterAddr;
    }

    /**
     * Follows what the name servers answered a registration with: the master's replication address
     * (unless haMasterAddress fixes it) and its client address; a new master is synced from at once.
     */
    public void follow(List<RegisterBrokerResponseHeader> answers) {
        if (answers.isEmpty()) {
            return;
        }
        RegisterBrokerResponseHeader answer = answers.get(0);
        String fixed = store.getMessageStoreConfig().getHaMasterAddress();
        if ((fixed == null || fixed.isBlank()) && answer.getHaServerAddr() != null) {
            store.updateHaMasterAddress(answer.getHaServerAddr());
        }
        String old = masterAddr;
        masterAddr = answer.getMasterAddr();
        if (masterAddr != null && !masterAddr.equals(old)) {
            LOG.info("master is {} (was {})", masterAddr, old);
            executor.execute(this::syncAll);
        }
    }

    /** One round; each part fails on its own (logged) so a master that is going away costs nothing but a log line. */
    public void syncAll() {
        String master = masterAddr;
        if (master == null) {
            return;
        }
        fetch(master, RequestCode.GET_ALL_TOPIC_CONFIG, TopicConfigSerializeWrapper.class, topics::replaceWith);
        fetch(master, RequestCode.GET_ALL_CONSUMER_OFFSET, ConsumerOffsetSerializeWrapper.class, table -> {
            offsets.putAll(table);
            offsets.persist();
        });
        fetch(master, RequestCode.GET_ALL_DELAY_OFFSET, DelayOffsetTable.Content.class, delayOffsets::replaceWith);
        fetch(master, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, SubscriptionGroupWrapper.class, groups::replaceWith);
    }

    private <T> void fetch(String master, int code, Class<T> type, Consumer<T> apply) {
        RemotingCommand response = outerAPI.callBroker(master, RemotingCommand.request(code), "slave sync " + code);
        if (response == null || response.getBody() == null) {
            return;
        }
        try {
            apply.accept(Json.parse(response.getBody(), type));
        } catch (RuntimeException e) {
            LOG.warn("cannot apply the master's answer to request {}: {}", code, e.toString());
        }
    }
}
