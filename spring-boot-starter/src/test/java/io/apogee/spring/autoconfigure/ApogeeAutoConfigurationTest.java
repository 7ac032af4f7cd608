package io.apogee.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.client.consumer.DefaultLitePullConsumer;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.TransactionMQProducer;
import io.apogee.spring.annotation.MessageModel;
import io.apogee.spring.core.ApogeeTemplate;
import io.apogee.spring.support.ApogeeListenerContainerRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which beans the rocketmq.* properties produce. No broker: nothing here sends. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ApogeeAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ApogeeAutoConfiguration.class));

    @Test
    void withoutANameServerThereIsNoProducerAndNoTemplate() {
        runner.withPropertyValues("rocketmq.producer.group=PG").run(context -> {
            assertThat(context).doesNotHaveBean(DefaultMQProducer.class).doesNotHaveBean(ApogeeTemplate.class);
            assertThat(context).hasSingleBean(ApogeeListenerContainerRegistry.class);
        });
    }

    @Test
    void producerPropertiesAreAppliedToATransactionalProducer() {
        runner.withPropertyValues("rocketmq.name-server=127.0.0.1:1", "rocketmq.producer.group=PG",
                "rocketmq.producer.send-message-timeout=1234", "rocketmq.producer.retry-times-when-send-failed=5",
                "rocketmq.producer.compress-message-body-threshold=999", "rocketmq.producer.max-message-size=2048",
                "rocketmq.producer.retry-next-server=true").run(context -> {
            DefaultMQProducer producer = context.getBean(DefaultMQProducer.class);
            assertThat(producer).isInstanceOf(TransactionMQProducer.class);
            assertThat(producer.getNamesrvAddr()).isEqualTo("127.0.0.1:1");
            assertThat(producer.getProducerGroup()).isEqualTo("PG");
            assertThat(producer.getSendMsgTimeout()).isEqualTo(1234);
            assertThat(producer.getRetryTimesWhenSendFailed()).isEqualTo(5);
            assertThat(producer.getCompressMsgBodyOverHowmuch()).isEqualTo(999);
            assertThat(producer.getMaxMessageSize()).isEqualTo(2048);
            assertThat(producer.isRetryAnotherBrokerWhenNotStoreOK()).isTrue();
            assertThat(context.getBean("apogeeTemplate", ApogeeTemplate.class).getProducer()).isSameAs(producer);
            assertThat(context).doesNotHaveBean(DefaultLitePullConsumer.class);
        });
    }

    @Test
    void pullConsumerPropertiesTakePrecedenceOverTheOlderConsumerOnes() {
        runner.withPropertyValues("rocketmq.name-server=127.0.0.1:1",
                "rocketmq.consumer.group=old", "rocketmq.consumer.topic=T1",
                "rocketmq.pull-consumer.group=new", "rocketmq.pull-consumer.topic=T2",
                "rocketmq.pull-consumer.message-model=broadcasting", "rocketmq.pull-consumer.pull-batch-size=7").run(context -> {
            DefaultLitePullConsumer consumer = context.getBean(DefaultLitePullConsumer.class);
            assertThat(consumer.getConsumerGroup()).isEqualTo("new");
            assertThat(consumer.getMessageModel()).isEqualTo(MessageModel.BROADCASTING.toClientModel());
            assertThat(consumer.getPullBatchSize()).isEqualTo(7);
            ApogeeTemplate template = context.getBean(ApogeeTemplate.class);
            assertThat(template.getConsumer()).isSameAs(consumer);
            assertThat(template.getProducer()).isNull();
        });
    }
}
