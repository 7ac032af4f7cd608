package io.apogee.bench.workload;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.MQClientAPI;
import io.apogee.client.impl.MQClientManager;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendCallback;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import io.apogee.protocol.PermName;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.protocol.header.CreateTopicRequestHeader;
import io.apogee.protocol.route.BrokerData;
import io.apogee.protocol.route.TopicRouteData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@link BenchClient} over Apogee's own client ({@code io.apogee.client}), configured like {@link OfficialBenchClient}. */
public final class ApogeeBenchClient implements BenchClient {
    /** The route every broker publishes for topic creation by clients. */
    private static final String CREATE_TOPIC_KEY = "TBW102";
    private static final long MASTER_ID = 0;
    private static final int SEND_TIMEOUT_MILLIS = 10_000;

    private final String namesrvAddr;
    private final String instanceName;
    private volatile DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;

    public ApogeeBenchClient(String namesrvAddr, String instanceName) {
        this.namesrvAddr = namesrvAddr;
        this.instanceName = instanceName;
    }

    /** Double-checked so that sender threads do not meet on a lock for every message. */
    private DefaultMQProducer producer() throws MQClientException {
        DefaultMQProducer started = producer;
        return started != null ? started : startProducer();
    }

    private synchronized DefaultMQProducer startProducer() throws MQClientException {
        if (producer == null) {
            DefaultMQProducer p = new DefaultMQProducer("apogee-bench-producer");
            p.setNamesrvAddr(namesrvAddr);
            p.setInstanceName(instanceName);
            p.setSendMsgTimeout(SEND_TIMEOUT_MILLIS);
            // Same choices as for the official client: no compression, no silent retries.
            p.setCompressMsgBodyOverHowmuch(Integer.MAX_VALUE);
            p.setRetryTimesWhenSendFailed(0);
            p.setRetryTimesWhenSendAsyncFailed(0);
            p.start();
            producer = p;
        }
        return producer;
    }

    /** Our producer has no topic-creation call (the official one's is deprecated), so ask each master directly. */
    @Override
    public void createTopic(String topic, int queues) throws Exception {
        DefaultMQProducer p = producer();
        MQClientAPI api = MQClientManager.getInstance().getOrCreateMQClientInstance(p).getMQClientAPI();
        TopicRouteData route = api.getTopicRouteInfoFromNameServer(CREATE_TOPIC_KEY, SEND_TIMEOUT_MILLIS);
        for (BrokerData broker : route.getBrokerDatas()) {
            String master = broker.getBrokerAddrs().get(MASTER_ID);
            if (master != null) {
                CreateTopicRequestHeader header = new CreateTopicRequestHeader();
                header.setTopic(topic);
                header.setDefaultTopic(CREATE_TOPIC_KEY);
                header.setReadQueueNums(queues);
                header.setWriteQueueNums(queues);
                header.setPerm(PermName.PERM_READ | PermName.PERM_WRITE);
                header.setTopicFilterType("SINGLE_TAG");
                header.setTopicSysFlag(0);
                header.setOrder(false);
                api.invokeExpectingSuccess(master, RequestCode.UPDATE_AND_CREATE_TOPIC, header, null, SEND_TIMEOUT_MILLIS);
            }
        }
    }

    @Override
    public void sendSync(BenchMessage message) throws Exception {
        requireOk(producer().send(toMessage(message)));
    }

    @Override
    public CompletableFuture<Void> sendAsync(BenchMessage message) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            producer().send(toMessage(message), new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    if (result.getSendStatus() == SendStatus.SEND_OK) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(new IllegalStateException("send status " + result.getSendStatus()));
                    }
                }

                @Override
                public void onException(Throwable e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (Exception e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public void sendOneway(BenchMessage message) throws Exception {
        producer().sendOneway(toMessage(message));
    }

    @Override
    public void sendBatch(List<BenchMessage> batch) throws Exception {
        List<Message> messages = new ArrayList<>(batch.size());
        for (BenchMessage m : batch) {
            messages.add(toMessage(m));
        }
        requireOk(producer().send(messages));
    }

    @Override
    public synchronized void subscribe(Subscription subscription, Consumer<ReceivedMessage> listener) throws Exception {
        if (consumer != null) {
            throw new IllegalStateException("this client already consumes");
        }
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(subscription.group());
        c.setNamesrvAddr(namesrvAddr);
        c.setInstanceName(instanceName);
        c.setConsumeFromWhere(subscription.fromFirstOffset()
                ? ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET : ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        c.setConsumeThreadMin(subscription.consumeThreads());
        c.setConsumeThreadMax(subscription.consumeThreads());
        for (String topic : subscription.topics()) {
            c.subscribe(topic, subscription.tagExpression());
        }
        c.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (MessageExt m : messages) {
                String nanos = m.getUserProperty(BenchMessage.SENT_NANOS_PROPERTY);
                listener.accept(new ReceivedMessage(m.getBornTimestamp(), nanos == null ? -1 : Long.parseLong(nanos),
                        m.getBody() == null ? 0 : m.getBody().length));
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        consumer = c;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.shutdown();
        }
        if (producer != null) {
            producer.shutdown();
        }
    }

    private static Message toMessage(BenchMessage m) {
        Message message = new Message(m.topic(), m.body());
        if (m.tags() != null) {
            message.setTags(m.tags());
        }
        if (m.carriesSentNanos()) {
            message.putProperty(BenchMessage.SENT_NANOS_PROPERTY, Long.toString(m.sentNanos()));
        }
        return message;
    }

    private static void requireOk(SendResult result) {
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new IllegalStateException("send status " + result.getSendStatus());
        }
    }
}
