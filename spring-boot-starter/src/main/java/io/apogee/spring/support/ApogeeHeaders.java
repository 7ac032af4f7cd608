package io.apogee.spring.support;

/**
 * Header names of a Spring {@link org.springframework.messaging.Message} that
 * {@link io.apogee.spring.core.ApogeeTemplate} turns into message fields rather than user
 * properties. The same names as rocketmq-spring's {@code RocketMQHeaders}; {@link #KEYS} is also
 * accepted with the {@link #PREFIX}.
 */
public final class ApogeeHeaders {
    /** Prefix rocketmq-spring puts before its header names. */
    public static final String PREFIX = "rocketmq_";
    /** The message keys (a String, space separated, or a collection of strings): indexed for queries. */
    public static final String KEYS = "KEYS";
    /** The message flag, an integer the broker keeps but does not read. */
    public static final String FLAG = "FLAG";
    /** {@code "false"} lets a SYNC_FLUSH broker answer before the message is on disk. */
    public static final String WAIT_STORE_MSG_OK = "WAIT_STORE_MSG_OK";

    private ApogeeHeaders() {
    }
}
