package io.apogee.spring.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apogee.client.consumer.DefaultLitePullConsumer;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.spring.core.ApogeeTemplate;
import io.apogee.spring.support.ApogeeListenerContainerRegistry;
import io.apogee.spring.support.PayloadCodec;
import io.apogee.spring.support.TransactionListenerRegistrar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Creates, from the {@code rocketmq.*} properties, a producer ({@code rocketmq.name-server} and
 * {@code rocketmq.producer.group}), a lite-pull consumer ({@code rocketmq.consumer.group} and
 * {@code .topic}, or the same under {@code rocketmq.pull-consumer}), the {@link ApogeeTemplate} over
 * them, and the registry that runs the {@code @ApogeeMessageListener} beans. Each bean steps aside
 * for one the application declares itself.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration")
@EnableConfigurationProperties(ApogeeProperties.class)
public class ApogeeAutoConfiguration {
    /** The name of the template bean, which {@code @ApogeeTransactionListener} refers to by default. */
    public static final String TEMPLATE_BEAN_NAME = "apogeeTemplate";

    /** A transactional producer; the template starts and shuts it down, hence no destroy method here. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean(DefaultMQProducer.class)
    @ConditionalOnProperty(prefix = "rocketmq", name = {"name-server", "producer.group"})
    public DefaultMQProducer apogeeProducer(ApogeeProperties properties) {
        return ClientFactory.producer(properties);
    }

    /** The consumer behind {@code ApogeeTemplate.receive}; the template starts and shuts it down. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean(DefaultLitePullConsumer.class)
    @Conditional(LitePullConsumerConfigured.class)
    public DefaultLitePullConsumer apogeeLitePullConsumer(ApogeeProperties properties) throws MQClientException {
        return ClientFactory.litePullConsumer(properties);
    }

    /** Writes payloads with the application's ObjectMapper when it has exactly one, else with a plain one. */
    @Bean
    @ConditionalOnMissingBean
    public PayloadCodec apogeePayloadCodec(ObjectProvider<ObjectMapper> objectMapper) {
        return new PayloadCodec(objectMapper.getIfUnique(ObjectMapper::new));
    }

    @Bean(TEMPLATE_BEAN_NAME)
    @ConditionalOnMissingBean(name = TEMPLATE_BEAN_NAME)
    @Conditional(ProducerOrConsumerPresent.class)
    public ApogeeTemplate apogeeTemplate(ObjectProvider<DefaultMQProducer> producer,
                                         ObjectProvider<DefaultLitePullConsumer> consumer, PayloadCodec codec) {
        return new ApogeeTemplate(producer.getIfUnique(), consumer.getIfUnique(), codec);
    }

    @Bean
    @ConditionalOnMissingBean
    public ApogeeListenerContainerRegistry apogeeListenerContainerRegistry(ApplicationContext context,
                                                                           ApogeeProperties properties, PayloadCodec codec) {
        return new ApogeeListenerContainerRegistry(context, codec, properties.nameServer(), properties.consumer().listeners());
    }

    @Bean
    public TransactionListenerRegistrar apogeeTransactionListenerRegistrar(ApplicationContext context) {
        return new TransactionListenerRegistrar(context);
    }

    /** A lite-pull consumer is wanted: group and topic under {@code rocketmq.consumer} or {@code rocketmq.pull-consumer}. */
    static class LitePullConsumerConfigured extends AnyNestedCondition {
        LitePullConsumerConfigured() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "rocketmq", name = {"name-server", "consumer.group", "consumer.topic"})
        static class Consumer {
        }

        @ConditionalOnProperty(prefix = "rocketmq", name = {"name-server", "pull-consumer.group", "pull-consumer.topic"})
        static class PullConsumer {
        }
    }

    /** The template has something to work with. */
    static class ProducerOrConsumerPresent extends AnyNestedCondition {
        ProducerOrConsumerPresent() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DefaultMQProducer.class)
        static class Producer {
        }

        @ConditionalOnBean(DefaultLitePullConsumer.class)
        static class Consumer {
        }
    }
}
