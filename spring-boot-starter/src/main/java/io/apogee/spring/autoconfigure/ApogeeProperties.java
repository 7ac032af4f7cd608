package io.apogee.spring.autoconfigure;

import io.apogee.spring.annotation.MessageModel;
import io.apogee.spring.annotation.SelectorType;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code rocketmq.*} properties of rocketmq-spring-boot-starter, so an existing
 * {@code application.yml} configures Apogee unchanged. Keys this starter does not use (access keys,
 * tracing, TLS, namespaces) are ignored.
 *
 * @param nameServer   name servers, {@code host:port;host:port}
 * @param producer     the template's producer ({@code rocketmq.producer.*})
 * @param consumer     the template's lite-pull consumer as rocketmq-spring 2.2 named it ({@code rocketmq.consumer.*}),
 *                     and {@code rocketmq.consumer.listeners.<group>.<topic>=false} to leave a listener off
 * @param pullConsumer the template's lite-pull consumer as rocketmq-spring 2.3 names it ({@code rocketmq.pull-consumer.*});
 *                     takes precedence over {@code consumer} when it names a group
 */
@ConfigurationProperties(prefix = "rocketmq")
public record ApogeeProperties(String nameServer, @DefaultValue Producer producer, @DefaultValue Consumer consumer,
                               @DefaultValue Consumer pullConsumer) {

    /** The settings of the template's lite-pull consumer: {@code pull-consumer} when it names a group, else {@code consumer}. */
    public Consumer litePullConsumer() {
        return pullConsumer.group() != null ? pullConsumer : consumer;
    }

    /**
     * @param group                         the producer group (required for a producer)
     * @param sendMessageTimeout            ms a synchronous send waits
     * @param compressMessageBodyThreshold  bodies larger than this many bytes are compressed
     * @param retryTimesWhenSendFailed      extra attempts of a failed synchronous send
     * @param retryTimesWhenSendAsyncFailed extra attempts of a failed asynchronous send
     * @param retryNextServer               retry on another broker when one answers with a not-OK store status
     * @param maxMessageSize                the largest body accepted, in bytes
     * @param instanceName                  the client instance name; by default one unique to the process
     */
    public record Producer(String group, @DefaultValue("3000") int sendMessageTimeout,
                           @DefaultValue("4096") int compressMessageBodyThreshold,
                           @DefaultValue("2") int retryTimesWhenSendFailed,
                           @DefaultValue("2") int retryTimesWhenSendAsyncFailed,
                           @DefaultValue("false") boolean retryNextServer,
                           @DefaultValue("4194304") int maxMessageSize,
                           String instanceName) {
    }

    /**
     * @param group              the consumer group (required, with the topic, for a lite-pull consumer)
     * @param topic              the topic {@code ApogeeTemplate.receive} polls
     * @param messageModel       clustering or broadcasting
     * @param selectorType       how {@code selectorExpression} is read
     * @param selectorExpression tags or an SQL92 condition
     * @param pullBatchSize      the most messages one poll returns
     * @param instanceName       the client instance name; by default one unique to the process
     * @param listeners          group → topic → false to leave that {@code @ApogeeMessageListener} off (only under {@code consumer})
     */
    public record Consumer(String group, String topic, @DefaultValue("CLUSTERING") MessageModel messageModel,
                           @DefaultValue("TAG") SelectorType selectorType, @DefaultValue("*") String selectorExpression,
                           @DefaultValue("10") int pullBatchSize, String instanceName,
                           Map<String, Map<String, Boolean>> listeners) {
        public Consumer {
            listeners = listeners == null ? Map.of() : listeners;
        }
    }
}
