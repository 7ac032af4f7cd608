package io.apogee.protocol.body;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One topic subscription of a consumer group. For tag expressions the broker filters by
 * {@link #getCodeSet()} (the String hash codes of the tags); the client re-filters by tag string
 * because hash codes can collide.
 */
public class SubscriptionData {
    /** The expression that matches every message. */
    public static final String SUB_ALL = "*";
    public static final String EXPRESSION_TAG = "TAG";
    public static final String EXPRESSION_SQL92 = "SQL92";

    private String topic;
    private String subString;
    private Set<String> tagsSet = new HashSet<>();
    private Set<Integer> codeSet = new HashSet<>();
    /** Creation time in ms; a newer version replaces an older registration. */
    private long subVersion = System.currentTimeMillis();
    private String expressionType = EXPRESSION_TAG;
    private boolean classFilterMode;

    /**
     * Builds a subscription the way the official clients parse it: for TAG expressions an empty
     * expression or "*" means all, otherwise the tags are split on "||", trimmed, and blanks dropped.
     * SQL92 expressions are kept as written.
     */
    public static SubscriptionData of(String topic, String expression, String expressionType) {
        SubscriptionData data = new SubscriptionData();
        data.topic = topic;
        data.expressionType = expressionType == null ? EXPRESSION_TAG : expressionType;
        boolean tagType = EXPRESSION_TAG.equals(data.expressionType);
        if (tagType && (expression == null || expression.isBlank() || expression.trim().equals(SUB_ALL))) {
            data.subString = SUB_ALL;
            return data;
        }
        data.subString = expression;
        if (tagType) {
            for (String tag : expression.split("\\|\\|")) {
                String trimmed = tag.trim();
                if (!trimmed.isEmpty()) {
                    data.tagsSet.add(trimmed);
                    data.codeSet.add(trimmed.hashCode());
                }
            }
        }
        return data;
    }

    /** True for a TAG subscription that accepts every message. */
    public boolean matchesAll() {
        return !EXPRESSION_SQL92.equals(expressionType) && (SUB_ALL.equals(subString) || codeSet.isEmpty());
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getSubString() {
        return subString;
    }

    public void setSubString(String subString) {
        this.subString = subString;
    }

    public Set<String> getTagsSet() {
        return tagsSet;
    }

    public void setTagsSet(Set<String> tagsSet) {
        this.tagsSet = tagsSet;
    }

    public Set<Integer> getCodeSet() {
        return codeSet;
    }

    public void setCodeSet(Set<Integer> codeSet) {
        this.codeSet = codeSet;
    }

    public long getSubVersion() {
        return subVersion;
    }

    public void setSubVersion(long subVersion) {
        this.subVersion = subVersion;
    }

    public String getExpressionType() {
        return expressionType;
    }

    public void setExpressionType(String expressionType) {
        this.expressionType = expressionType;
    }

    public boolean isClassFilterMode() {
        return classFilterMode;
    }

    public void setClassFilterMode(boolean classFilterMode) {
        this.classFilterMode = classFilterMode;
    }

    /** Two subscriptions are the same when they filter the same way; the version does not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SubscriptionData o && classFilterMode == o.classFilterMode && Objects.equals(topic, o.topic)
                && Objects.equals(subString, o.subString) && Objects.equals(tagsSet, o.tagsSet)
                && Objects.equals(codeSet, o.codeSet) && Objects.equals(expressionType, o.expressionType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, subString, tagsSet, codeSet, expressionType, classFilterMode);
    }

    @Override
    public String toString() {
        return "SubscriptionData[topic=" + topic + ", subString=" + subString + ", expressionType=" + expressionType
                + ", subVersion=" + subVersion + "]";
    }
}
