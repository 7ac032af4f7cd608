package io.apogee.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/** {@link BenchClient} over the official Apache RocketMQ 5.2.0 remoting client. */
public final class OfficialBenchClient implements BenchClient {
    /** The route every broker publishes for topic creation by clients. */
    private static final String CREATE_TOPIC_KEY = "TBW102";
    private static final int SEND_TIMEOUT_MILLIS = 10_000;

    private final String namesrvAddr;
    private final String instanceName;
    private volatile DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;

    /**
     * @param instanceName distinguishes this client from others in the same JVM or on the same host,
     *     which the official client would otherwise merge into one instance
     */
    public OfficialBenchClient(String namesrvAddr, String instanceName) {
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
            // The benchmark measures the broker: no client-side compression of large bodies, and a
            // failed send is counted rather than silently retried.
            p.setCompressMsgBodyOverHowmuch(Integer.MAX_VALUE);
            p.setRetryTimesWhenSendFailed(0);
            p.setRetryTimesWhenSendAsyncFailed(0);
            p.start();
            producer = p;
        }
        return producer;
    }

    @Override
    public void createTopic(String topic, int queues) throws Exception {
        producer().createTopic(CREATE_TOPIC_KEY, topic, queues, Map.of());
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
                listener.accept(toReceived(m));
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
            message.putUserProperty(BenchMessage.SENT_NANOS_PROPERTY, Long.toString(m.sentNanos()));
        }
        return message;
    }

    private static ReceivedMessage toReceived(MessageExt m) {
        String nanos = m.getUserProperty(BenchMessage.SENT_NANOS_PROPERTY);
        return new ReceivedMessage(m.getBornTimestamp(), nanos == null ? -1 : Long.parseLong(nanos),
                m.getBody() == null ? 0 : m.getBody().length);
    }

    private static void requireOk(SendResult result) {
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new IllegalStateException("send status " + result.getSendStatus());
        }
    }
}
