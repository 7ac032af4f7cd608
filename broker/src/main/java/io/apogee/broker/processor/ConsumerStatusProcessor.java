package io.apogee.broker.processor;

import io.apogee.broker.client.Broker2Client;
import io.apogee.broker.client.ClientChannelInfo;
import io.apogee.broker.client.ConsumerGroupInfo;
import io.apogee.broker.client.ConsumerManager;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.Json;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.GetConsumerStatusBody;
import io.apogee.protocol.header.GetConsumerStatusRequestHeader;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INVOKE_BROKER_TO_GET_CONSUMER_STATUS (admin): asks every consumer of the group (or the one whose
 * client id is given) for its offsets on the topic with GET_CONSUMER_STATUS_FROM_CLIENT, and
 * answers with the replies merged by client id. A consumer that does not answer is left out.
 */
public class ConsumerStatusProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerStatusProcessor.class);
    /** Clients older than V3_0_7_SNAPSHOT cannot answer the request. */
    private static final int MIN_CLIENT_VERSION = 28;
    private static final long CLIENT_TIMEOUT_MILLIS = 5_000;

    private final ConsumerManager consumerManager;
    private final Broker2Client broker2Client;

    public ConsumerStatusProcessor(ConsumerManager consumerManager, Broker2Client broker2Client) {
        this.consumerManager = consumerManager;
        this.broker2Client = broker2Client;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws Exception {
        GetConsumerStatusRequestHeader header = request.readCustomHeader(GetConsumerStatusRequestHeader.class);
        ConsumerGroupInfo group = consumerManager.group(header.getGroup());
        if (group == null || group.isEmpty()) {
            return CompletableFuture.completedFuture(Responses.error(request, ResponseCode.SYSTEM_ERROR,
                    "No Any Consumer online in the consumer group: [" + header.getGroup() + "]"));
        }
        String onlyClient = header.getClientAddr();
        GetConsumerStatusRequestHeader toClient = new GetConsumerStatusRequestHeader();
        toClient.setTopic(header.getTopic());
        toClient.setGroup(header.getGroup());
        Map<String, Map<MessageQueue, Long>> merged = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> asked = new ArrayList<>();
        for (ClientChannelInfo member : group.members()) {
            if (onlyClient != null && !onlyClient.isBlank() && !onlyClient.equals(member.clientId())) {
                continue;
            }
            if (member.version() < MIN_CLIENT_VERSION) {
                return CompletableFuture.completedFuture(Responses.error(request, ResponseCode.SYSTEM_ERROR,
                        "The Consumer <" + member.clientId() + "> Version <" + member.version()
                                + "> too low to finish, please upgrade it to V3_0_7_SNAPSHOT"));
            }
            RemotingCommand ask = RemotingCommand.request(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, toClient);
            asked.add(broker2Client.invoke(member.channel(), ask, CLIENT_TIMEOUT_MILLIS).handle((answer, error) -> {
                String problem = error != null ? String.valueOf(error.getMessage())
                        : answer.getCode() != ResponseCode.SUCCESS || answer.getBody() == null ? answer.getRemark() : null;
                try {
                    if (problem == null) {
                        merged.put(member.clientId(), Json.parse(answer.getBody(), GetConsumerStatusBody.class).getMessageQueueTable());
                    }
                } catch (IllegalArgumentException e) {
                    problem = "unreadable answer: " + e.getMessage();
                }
                if (problem != null) {
                    LOG.warn("consumer {} of group {} did not report its status: {}", member.clientId(), header.getGroup(), problem);
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(asked.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            GetConsumerStatusBody body = new GetConsumerStatusBody();
            body.setConsumerTable(merged);
            return Responses.json(request, body);
        });
    }
}
