package io.apogee.spring.support;

import io.apogee.client.producer.TransactionListener;
import io.apogee.client.producer.TransactionMQProducer;
import io.apogee.spring.annotation.ApogeeTransactionListener;
import io.apogee.spring.core.ApogeeTemplate;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;

/**
 * Hands every {@link ApogeeTransactionListener} bean to the producer of the template it names. Runs
 * once all singletons exist, so a listener may itself depend on the template.
 */
public class TransactionListenerRegistrar implements SmartInitializingSingleton {
    private final ApplicationContext context;

    /** Finds the listener and template beans in {@code context}. */
    public TransactionListenerRegistrar(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String beanName : context.getBeanNamesForAnnotation(ApogeeTransactionListener.class)) {
            register(beanName);
        }
    }

    private void register(String beanName) {
        if (!(context.getBean(beanName) instanceof TransactionListener listener)) {
            throw new IllegalStateException("bean '" + beanName + "' has @ApogeeTransactionListener but does not implement TransactionListener");
        }
        String templateName = context.findAnnotationOnBean(beanName, ApogeeTransactionListener.class).templateBeanName();
        ApogeeTemplate template = context.getBean(templateName, ApogeeTemplate.class);
        if (!(template.getProducer() instanceof TransactionMQProducer producer)) {
            throw new IllegalStateException("template '" + templateName + "' has no TransactionMQProducer for listener '" + beanName + "'");
        }
        if (producer.getTransactionListener() != null && producer.getTransactionListener() != listener) {
            throw new IllegalStateException("template '" + templateName + "' already has a transaction listener; '"
                    + beanName + "' would replace it (one per template)");
        }
        producer.setTransactionListener(listener);
    }
}
