package io.apogee.spring.support;

import io.apogee.spring.annotation.ApogeeMessageListener;
import io.apogee.spring.core.ApogeeListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.ResolvableType;

/**
 * Starts one {@link ApogeeListenerContainer} per {@link ApogeeMessageListener} bean once the context
 * is refreshed (every bean exists, so listeners may use any of them), and stops them all first when
 * it closes (the highest phase stops before every other lifecycle bean).
 *
 * <p>A listener can be left off with {@code rocketmq.consumer.listeners.<group>.<topic>=false}.
 */
public class ApogeeListenerContainerRegistry implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ApogeeListenerContainerRegistry.class);

    private final ApplicationContext context;
    private final PayloadCodec codec;
    private final String defaultNameServer;
    private final Map<String, Map<String, Boolean>> enabled;
    private final List<ApogeeListenerContainer> containers = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    /**
     * @param context           where the listener beans are found and placeholders resolved
     * @param codec             reads message bodies as the listeners' types
     * @param defaultNameServer {@code rocketmq.name-server}, for listeners that name none
     * @param enabled           {@code rocketmq.consumer.listeners}: group → topic → whether to start
     */
    public ApogeeListenerContainerRegistry(ApplicationContext context, PayloadCodec codec, String defaultNameServer,
                                           Map<String, Map<String, Boolean>> enabled) {
        this.context = context;
        this.codec = codec;
        this.defaultNameServer = defaultNameServer;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            for (String beanName : context.getBeanNamesForAnnotation(ApogeeMessageListener.class)) {
                startContainer(beanName);
            }
        } catch (Exception e) {
            // Leave nothing half-started behind: the context will not call stop() after a failed refresh.
            stopContainers();
            throw new IllegalStateException("cannot start the Apogee listeners: " + e.getMessage(), e);
        }
        running = true;
    }

    private void startContainer(String beanName) throws Exception {
        Object bean = context.getBean(beanName);
        if (!(bean instanceof ApogeeListener<?> listener)) {
            throw new IllegalStateException("bean '" + beanName + "' has @ApogeeMessageListener but does not implement ApogeeListener");
        }
        ApogeeMessageListener annotation = context.findAnnotationOnBean(beanName, ApogeeMessageListener.class);
        ListenerSettings settings = ListenerSettings.of(annotation, context.getEnvironment(), defaultNameServer);
        if (!enabled.getOrDefault(settings.consumerGroup(), Map.of()).getOrDefault(settings.topic(), true)) {
            LOG.info("listener '{}' ({} on {}) is disabled by rocketmq.consumer.listeners", beanName, settings.consumerGroup(), settings.topic());
            return;
        }
        @SuppressWarnings("unchecked")
        ApogeeListener<Object> typed = (ApogeeListener<Object>) listener;
        ListenerInvoker invoker = new ListenerInvoker(typed, payloadType(bean), codec);
        ApogeeListenerContainer container = new ApogeeListenerContainer(beanName, bean, settings, invoker);
        container.start();
        containers.add(container);
        LOG.info("listener '{}' consumes {} ({} {}) as group {}", beanName, settings.topic(), settings.selectorType(),
                settings.selectorExpression(), settings.consumerGroup());
    }

    /** The listener's {@code T}; a raw listener gets the whole {@link io.apogee.common.message.MessageExt}. */
    private static ResolvableType payloadType(Object bean) {
        return ResolvableType.forClass(AopUtils.getTargetClass(bean)).as(ApogeeListener.class).getGeneric(0);
    }

    @Override
    public synchronized void stop() {
        stopContainers();
        running = false;
    }

    private void stopContainers() {
        List<ApogeeListenerContainer> started = new ArrayList<>(containers);
        containers.clear();
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The started containers, in start order. */
    public List<ApogeeListenerContainer> getContainers() {
        return List.copyOf(containers);
    }
}
