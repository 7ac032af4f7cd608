package io.apogee.broker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BrokerExecutorsTest {
    @Test
    void aFullSendQueueRejectsInsteadOfGrowing() throws Exception {
        BrokerConfig config = new BrokerConfig();
        config.setSendMessageThreadPoolNums(1);
        config.setSendThreadPoolQueueCapacity(1);
        BrokerExecutors executors = new BrokerExecutors(config);
        CountDownLatch release = new CountDownLatch(1);
        try {
            executors.send().execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            executors.send().execute(() -> { });

            assertThatThrownBy(() -> executors.send().execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        } finally {
            release.countDown();
            executors.shutdown();
        }
    }
}
