package io.apogee.protocol.namesrv;

/** KV-config namespaces with a meaning to the system (any other namespace is free for operators). */
public final class KvNamespace {
    /** key = topic, value = "brokerName:queueNum;brokerName:queueNum": the topic is globally ordered. */
    public static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

    private KvNamespace() {
    }
}
