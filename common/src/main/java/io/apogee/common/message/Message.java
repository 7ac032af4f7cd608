package io.apogee.common.message;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What a producer hands over: topic, user flag, properties and body. */
public class Message {
    private String topic;
    private int flag;
    private Map<String, String> properties;
    private byte[] body;
    private String transactionId;

    public Message() {
    }

    public Message(String topic, byte[] body) {
        this(topic, null, null, body);
    }

    public Message(String topic, String tags, byte[] body) {
        this(topic, tags, null, body);
    }

    public Message(String topic, String tags, String keys, byte[] body) {
        this(topic, tags, keys, 0, body, true);
    }

    public Message(String topic, String tags, String keys, int flag, byte[] body, boolean waitStoreMsgOK) {
        this.topic = topic;
        this.flag = flag;
        this.body = body;
        if (tags != null && !tags.isEmpty()) {
            setTags(tags);
        }
        if (keys != null && !keys.isEmpty()) {
            setKeys(keys);
        }
        // Official clients put WAIT on every message they construct.
        setWaitStoreMsgOK(waitStoreMsgOK);
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public int getFlag() {
        return flag;
    }

    public void setFlag(int flag) {
        this.flag = flag;
    }

    public byte[] getBody() {
        return body;
    }

    public void setBody(byte[] body) {
        this.body = body;
    }

    public String getTransactionId() {
        return transactionId;
    }

    public void setTransactionId(String transactionId) {
        this.transactionId = transactionId;
    }

    /** The live map (created on first use); callers may modify it. */
    public Map<String, String> getProperties() {
        if (properties == null) {
            properties = new HashMap<>();
        }
        return properties;
    }

    public void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

    public String getProperty(String name) {
        return properties == null ? null : properties.get(name);
    }

    public boolean hasProperty(String name) {
        return properties != null && properties.containsKey(name);
    }

    public void putProperty(String name, String value) {
        getProperties().put(name, value);
    }

    public void clearProperty(String name) {
        if (properties != null) {
            properties.remove(name);
        }
    }

    public String getTags() {
        return getProperty(MessageConst.PROPERTY_TAGS);
    }

    public void setTags(String tags) {
        putProperty(MessageConst.PROPERTY_TAGS, tags);
    }

    public String getKeys() {
        return getProperty(MessageConst.PROPERTY_KEYS);
    }

    public void setKeys(String keys) {
        putProperty(MessageConst.PROPERTY_KEYS, keys);
    }

    public void setKeys(Collection<String> keys) {
        setKeys(String.join(MessageConst.KEY_SEPARATOR, keys));
    }

    public int getDelayTimeLevel() {
        String level = getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        return level == null ? 0 : Integer.parseInt(level);
    }

    /**
     * Delivers the message after the broker's delay level {@code level} (1-based index into its
     * messageDelayLevel list, "1s 5s 10s 30s 1m ..." by default); 0 means at once.
     */
    public void setDelayTimeLevel(int level) {
        putProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL, String.valueOf(level));
    }

    /** Absent means true: that is how the official broker reads it. */
    public boolean isWaitStoreMsgOK() {
        String wait = getProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK);
        return wait == null || Boolean.parseBoolean(wait);
    }

    public void setWaitStoreMsgOK(boolean wait) {
        putProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, Boolean.toString(wait));
    }

    /**
     * Sets an application property, visible to consumers and to SQL92 filters.
     *
     * @throws IllegalArgumentException when the name is one the system uses ({@link MessageConst#isSystemProperty})
     *         or the name or value is blank
     */
    public void putUserProperty(String name, String value) {
        if (MessageConst.isSystemProperty(name)) {
            throw new IllegalArgumentException("The Property<" + name + "> is used by system, input another please");
        }
        if (name == null || name.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("The name or value of property can not be null or blank string!");
        }
        putProperty(name, value);
    }

    public String getUserProperty(String name) {
        return getProperty(name);
    }

    public void setInstanceId(String instanceId) {
        putProperty(MessageConst.PROPERTY_INSTANCE_ID, instanceId);
    }

    public String getBuyerId() {
        return getProperty(MessageConst.PROPERTY_BUYER_ID);
    }

    public void setBuyerId(String buyerId) {
        putProperty(MessageConst.PROPERTY_BUYER_ID, buyerId);
    }

    /**
     * Delivers the message at an absolute time (epoch milliseconds) instead of at once: property
     * TIMER_DELIVER_MS, honoured by brokers with timed messages (RocketMQ 5.x, Apogee).
     */
    public void setDeliverTimeMs(long deliverTimeMs) {
        putProperty(MessageConst.PROPERTY_TIMER_DELIVER_MS, String.valueOf(deliverTimeMs));
    }

    /** The absolute delivery time asked for, or 0 when none. */
    public long getDeliverTimeMs() {
        return longProperty(MessageConst.PROPERTY_TIMER_DELIVER_MS);
    }

    /** Delivers the message this many milliseconds after the broker stores it: property TIMER_DELAY_MS. */
    public void setDelayTimeMs(long delayTimeMs) {
        putProperty(MessageConst.PROPERTY_TIMER_DELAY_MS, String.valueOf(delayTimeMs));
    }

    public long getDelayTimeMs() {
        return longProperty(MessageConst.PROPERTY_TIMER_DELAY_MS);
    }

    /** Delivers the message this many seconds after the broker stores it: property TIMER_DELAY_SEC. */
    public void setDelayTimeSec(long delayTimeSec) {
        putProperty(MessageConst.PROPERTY_TIMER_DELAY_SEC, String.valueOf(delayTimeSec));
    }

    public long getDelayTimeSec() {
        return longProperty(MessageConst.PROPERTY_TIMER_DELAY_SEC);
    }

    private long longProperty(String name) {
        String value = getProperty(name);
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public String toString() {
        return "Message{topic=" + topic + ", flag=" + flag + ", properties=" + properties
                + ", bodyLength=" + (body == null ? 0 : body.length) + "}";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Message m) || getClass() != o.getClass()) {
            return false;
        }
        return flag == m.flag && java.util.Objects.equals(topic, m.topic)
                && java.util.Objects.equals(getProperties(), m.getProperties()) && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(topic, flag, getProperties()) * 31 + Arrays.hashCode(body);
    }
}
