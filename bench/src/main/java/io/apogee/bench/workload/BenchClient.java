package io.apogee.bench.workload;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The few client operations the benchmarks need, so one workload drives either the official Apache
 * RocketMQ client or Apogee's own and the two runs differ only in the client.
 *
 * <p>A client plays producer, consumer or both; it starts what it needs on first use. Send
 * methods return when the broker acknowledged (sync, batch), when the request left (oneway) or
 * complete the future on acknowledgement (async); failures surface as exceptions.
 */
public interface BenchClient extends AutoCloseable {

    /** Creates (or updates) {@code topic} with {@code queues} read and write queues on every broker. */
    void createTopic(String topic, int queues) throws Exception;

    void sendSync(BenchMessage message) throws Exception;

    CompletableFuture<Void> sendAsync(BenchMessage message);

    void sendOneway(BenchMessage message) throws Exception;

    /** Sends messages of one topic as a single batch request. */
    void sendBatch(List<BenchMessage> batch) throws Exception;

    /**
     * Starts a clustering push consumer as {@code subscription} says; {@code listener} runs on the
     * client's consume threads, once per message.
     */
    void subscribe(Subscription subscription, Consumer<ReceivedMessage> listener) throws Exception;

    /** Shuts down everything the client started. */
    @Override
    void close();

    /**
     * What to subscribe to.
     *
     * @param group consumer group
     * @param topics topics to subscribe to
     * @param tagExpression RocketMQ tag expression, {@code *} for all
     * @param fromFirstOffset a new group starts at the oldest message rather than the newest
     * @param consumeThreads threads that run the listener
     */
    record Subscription(String group, List<String> topics, String tagExpression, boolean fromFirstOffset,
                        int consumeThreads) {
    }
}
