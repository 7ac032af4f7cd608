package io.apogee.bench.cli.compare;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.rocketmq.client.producer.DefaultMQProducer;

/** Waits for a started system to be usable. */
final class Readiness {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String CREATE_TOPIC_KEY = "TBW102";

    private Readiness() {
    }

    static void awaitPort(int port, RunningSystem system) throws InterruptedException {
        await("port " + port, system, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /**
     * Waits until the name server routes the topic-creation key to a broker, which is when clients can
     * create topics and send: the broker has registered.
     */
    static void awaitBrokerRoute(RunningSystem system) throws Exception {
        DefaultMQProducer probe = new DefaultMQProducer("apogee-compare-probe");
        probe.setNamesrvAddr(system.namesrvAddr());
        probe.setInstanceName("apogee-compare-probe-" + System.nanoTime());
        probe.start();
        try {
            await("broker route", system, () -> {
                try {
                    return !probe.fetchPublishMessageQueues(CREATE_TOPIC_KEY).isEmpty();
                } catch (Exception e) {
                    return false;
                }
            });
        } finally {
            probe.shutdown();
        }
    }

    private static void await(String what, RunningSystem system, BooleanSupplier ready) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!ready.getAsBoolean()) {
            system.requireAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not ready within " + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }
}
