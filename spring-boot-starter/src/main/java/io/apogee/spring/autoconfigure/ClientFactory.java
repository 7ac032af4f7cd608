package io.apogee.spring.autoconfigure;

import io.apogee.client.ClientConfig;
import io.apogee.client.consumer.DefaultLitePullConsumer;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.TransactionMQProducer;

/** Builds (without starting) the template's clients from {@link ApogeeProperties}. */
final class ClientFactory {
    private ClientFactory() {
    }

    /** A transactional producer, so {@code sendMessageInTransaction} works once a listener is registered. */
    static DefaultMQProducer producer(ApogeeProperties properties) {
        ApogeeProperties.Producer settings = properties.producer();
        TransactionMQProducer producer = new TransactionMQProducer(settings.group());
        connect(producer, properties.nameServer(), settings.instanceName());
        producer.setSendMsgTimeout(settings.sendMessageTimeout());
        producer.setCompressMsgBodyOverHowmuch(settings.compressMessageBodyThreshold());
        producer.setRetryTimesWhenSendFailed(settings.retryTimesWhenSendFailed());
        producer.setRetryTimesWhenSendAsyncFailed(settings.retryTimesWhenSendAsyncFailed());
        producer.setRetryAnotherBrokerWhenNotStoreOK(settings.retryNextServer());
        producer.setMaxMessageSize(settings.maxMessageSize());
        return producer;
    }

    /** A lite-pull consumer subscribed to the configured topic and selector. */
    static DefaultLitePullConsumer litePullConsumer(ApogeeProperties properties) throws MQClientException {
        ApogeeProperties.Consumer settings = properties.litePullConsumer();
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(settings.group());
        connect(consumer, properties.nameServer(), settings.instanceName());
        consumer.setMessageModel(settings.messageModel().toClientModel());
        consumer.setPullBatchSize(settings.pullBatchSize());
        consumer.subscribe(settings.topic(), settings.selectorType().selector(settings.selectorExpression()));
        return consumer;
    }

    private static void connect(ClientConfig client, String nameServer, String instanceName) {
        client.setNamesrvAddr(nameServer);
        if (instanceName != null) {
            client.setInstanceName(instanceName);
        }
    }
}
