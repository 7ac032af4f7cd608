package io.apogee.protocol;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One topic as a broker defines it. JSON properties: topicName, readQueueNums, writeQueueNums, perm,
 * topicFilterType, topicSysFlag, order, attributes (5.x; 4.9 peers ignore it).
 */
public final class TopicConfig {
    public static final int DEFAULT_QUEUE_NUMS = 16;
    private static final char TEXT_SEPARATOR = ' ';
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private String topicName;
    private int readQueueNums = DEFAULT_QUEUE_NUMS;
    private int writeQueueNums = DEFAULT_QUEUE_NUMS;
    private int perm = PermName.READ_WRITE;
    private TopicFilterType topicFilterType = TopicFilterType.SINGLE_TAG;
    private int topicSysFlag;
    private boolean order;
    private Map<String, String> attributes = new HashMap<>();

    public TopicConfig() {
    }

    public TopicConfig(String topicName) {
        this.topicName = topicName;
    }

    public TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm) {
        this.topicName = topicName;
        this.readQueueNums = readQueueNums;
        this.writeQueueNums = writeQueueNums;
        this.perm = perm;
    }

    public TopicConfig(TopicConfig other) {
        this.topicName = other.topicName;
        this.readQueueNums = other.readQueueNums;
        this.writeQueueNums = other.writeQueueNums;
        this.perm = other.perm;
        this.topicFilterType = other.topicFilterType;
        this.topicSysFlag = other.topicSysFlag;
        this.order = other.order;
        this.attributes = other.attributes == null ? null : new HashMap<>(other.attributes);
    }

    /**
     * The space-separated form used inside compressed registrations:
     * {@code name read write perm filterType} and, in the 5.x form, a separator plus the attributes
     * JSON. A 4.9 reader insists on exactly five fields, so it must get the form without attributes.
     * Note that sysFlag and order do not travel in this form.
     */
    public String toText(boolean withAttributes) {
        StringBuilder sb = new StringBuilder()
                .append(topicName).append(TEXT_SEPARATOR)
                .append(readQueueNums).append(TEXT_SEPARATOR)
                .append(writeQueueNums).append(TEXT_SEPARATOR)
                .append(perm).append(TEXT_SEPARATOR)
                .append(topicFilterType);
        if (withAttributes) {
            sb.append(TEXT_SEPARATOR);
            if (attributes != null) {
                sb.append(Json.toJson(attributes));
            }
        }
        return sb.toString();
    }

    /** Parses {@link #toText(boolean)} output of either form; null when it has fewer than five fields. */
    public static TopicConfig fromText(String text) {
        String[] parts = text.split(String.valueOf(TEXT_SEPARATOR), 6);
        if (parts.length < 5) {
            return null;
        }
        TopicConfig config = new TopicConfig(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                Integer.parseInt(parts[3]));
        config.topicFilterType = TopicFilterType.valueOf(parts[4]);
        if (parts.length == 6 && !parts[5].isBlank()) {
            config.attributes = Json.parse(parts[5], ATTRIBUTES);
        }
        return config;
    }

    public String getTopicName() {
        return topicName;
    }

    public void setTopicName(String topicName) {
        this.topicName = topicName;
    }

    public int getReadQueueNums() {
        return readQueueNums;
    }

    public void setReadQueueNums(int readQueueNums) {
        this.readQueueNums = readQueueNums;
    }

    public int getWriteQueueNums() {
        return writeQueueNums;
    }

    public void setWriteQueueNums(int writeQueueNums) {
        this.writeQueueNums = writeQueueNums;
    }

    public int getPerm() {
        return perm;
    }

    public void setPerm(int perm) {
        this.perm = perm;
    }

    public TopicFilterType getTopicFilterType() {
        return topicFilterType;
    }

    public void setTopicFilterType(TopicFilterType topicFilterType) {
        this.topicFilterType = topicFilterType;
    }

    public int getTopicSysFlag() {
        return topicSysFlag;
    }

    public void setTopicSysFlag(int topicSysFlag) {
        this.topicSysFlag = topicSysFlag;
    }

    public boolean isOrder() {
        return order;
    }

    public void setOrder(boolean order) {
        this.order = order;
    }

    public Map<String, String> getAttributes() {
        return attributes;
    }

    public void setAttributes(Map<String, String> attributes) {
        this.attributes = attributes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicConfig t && readQueueNums == t.readQueueNums && writeQueueNums == t.writeQueueNums
                && perm == t.perm && topicSysFlag == t.topicSysFlag && order == t.order
                && Objects.equals(topicName, t.topicName) && topicFilterType == t.topicFilterType
                && Objects.equals(attributes, t.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topicName, readQueueNums, writeQueueNums, perm, topicFilterType, topicSysFlag, order, attributes);
    }

    @Override
    public String toString() {
        return "TopicConfig[" + topicName + ", read=" + readQueueNums + ", write=" + writeQueueNums + ", perm="
                + PermName.toText(perm) + ", sysFlag=" + topicSysFlag + ", order=" + order + ", attributes=" + attributes + "]";
    }
}
