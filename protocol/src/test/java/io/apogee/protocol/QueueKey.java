package io.apogee.protocol;

import java.util.Comparator;
import java.util.Objects;

/** A MessageQueue-shaped test key: the protocol module must handle such map keys without knowing the class. */
final class QueueKey implements Comparable<QueueKey> {
    private static final Comparator<QueueKey> ORDER = Comparator.comparing((QueueKey k) -> k.topic)
            .thenComparing(k -> k.brokerName).thenComparingInt(k -> k.queueId);

    private String topic;
    private String brokerName;
    private int queueId;

    QueueKey() {
    }

    QueueKey(String topic, String brokerName, int queueId) {
        this.topic = topic;
        this.brokerName = brokerName;
        this.queueId = queueId;
    }

    @Override
    public int compareTo(QueueKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueKey k && queueId == k.queueId && topic.equals(k.topic) && brokerName.equals(k.brokerName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, brokerName, queueId);
    }
}
