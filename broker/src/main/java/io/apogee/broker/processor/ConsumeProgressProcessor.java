package io.apogee.broker.processor;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.group.SubscriptionGroupManager;
import io.apogee.broker.offset.ConsumeProgress;
import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.ConsumeStats;
import io.apogee.protocol.body.ConsumeStatsList;
import io.apogee.protocol.body.QueryConsumeTimeSpanBody;
import io.apogee.protocol.body.SubscriptionGroupConfig;
import io.apogee.protocol.header.CloneGroupOffsetRequestHeader;
import io.apogee.protocol.header.GetConsumeStatsInBrokerHeader;
import io.apogee.protocol.header.GetConsumeStatsRequestHeader;
import io.apogee.protocol.header.QueryConsumeTimeSpanRequestHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consume progress for the admin tools: GET_CONSUME_STATS (consumerProgress), GET_BROKER_CONSUME_STATS
 * (brokerConsumeStats), QUERY_CONSUME_TIME_SPAN and CLONE_GROUP_OFFSET.
 */
public class ConsumeProgressProcessor implements SyncProcessor {
    private final ConsumeProgress progress;
    private final ConsumerOffsetManager offsetManager;
    private final ConsumerManager consumerManager;
    private final SubscriptionGroupManager groupManager;
    private final BrokerConfig brokerConfig;

    public ConsumeProgressProcessor(ConsumeProgress progress, ConsumerOffsetManager offsetManager,
                                    ConsumerManager consumerManager, SubscriptionGroupManager groupManager, BrokerConfig brokerConfig) {
        this.progress = progress;
        this.offsetManager = offsetManager;
        this.consumerManager = consumerManager;
        this.groupManager = groupManager;
        this.brokerConfig = brokerConfig;
    }

    @Override
    public RemotingCommand handle(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.getCode()) {
            case RequestCode.GET_CONSUME_STATS -> {
                GetConsumeStatsRequestHeader header = request.readCustomHeader(GetConsumeStatsRequestHeader.class);
                yield Responses.json(request, progress.stats(header.getConsumerGroup(), header.getTopic()));
            }
            case RequestCode.QUERY_CONSUME_TIME_SPAN -> {
                QueryConsumeTimeSpanRequestHeader header = request.readCustomHeader(QueryConsumeTimeSpanRequestHeader.class);
                QueryConsumeTimeSpanBody body = new QueryConsumeTimeSpanBody();
                body.setConsumeTimeSpanSet(progress.timeSpans(header.getGroup(), header.getTopic()));
                yield Responses.json(request, body);
            }
            case RequestCode.CLONE_GROUP_OFFSET -> cloneOffsets(request);
            case RequestCode.GET_BROKER_CONSUME_STATS -> brokerConsumeStats(request);
            default -> Responses.error(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "request code " + request.getCode() + " not supported");
        };
    }

    /** Copies the source group's offsets of one topic, or of every topic it has offsets for. */
    private RemotingCommand cloneOffsets(RemotingCommand request) throws Exception {
        CloneGroupOffsetRequestHeader header = request.readCustomHeader(CloneGroupOffsetRequestHeader.class);
        Set<String> topics = header.getTopic() == null || header.getTopic().isEmpty()
                ? offsetManager.topicsOfGroup(header.getSrcGroup()) : Set.of(header.getTopic());
        topics.forEach(topic -> offsetManager.cloneOffsets(header.getSrcGroup(), header.getDestGroup(), topic));
        return Responses.success(request);
    }

    /** Progress of every online group on every topic it subscribes; with isOrder only orderly groups. */
    private RemotingCommand brokerConsumeStats(RemotingCommand request) throws Exception {
        boolean orderOnly = Boolean.TRUE.equals(request.readCustomHeader(GetConsumeStatsInBrokerHeader.class).getIsOrder());
        ConsumeStatsList list = new ConsumeStatsList();
        list.setBrokerAddr(brokerConfig.brokerAddr());
        long totalDiff = 0;
        for (String group : consumerManager.onlineGroups()) {
            SubscriptionGroupConfig config = groupManager.find(group);
            if (orderOnly && (config == null || !config.isConsumeMessageOrderly())) {
                continue;
            }
            List<ConsumeStats> perTopic = new ArrayList<>();
            for (String topic : consumerManager.group(group).subscriptions().keySet()) {
                ConsumeStats stats = progress.stats(group, topic);
                totalDiff += stats.getOffsetTable().values().stream()
                        .mapToLong(o -> o.getBrokerOffset() - o.getConsumerOffset()).sum();
                perTopic.add(stats);
            }
            list.getConsumeStatsList().add(Map.of(group, perTopic));
        }
        list.setTotalDiff(totalDiff);
        return Responses.json(request, list);
    }
}
