package io.apogee.protocol;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of topic names, {@code {"topicList":[...],"brokerAddr":"..."}}. {@code brokerAddr} is set only
 * by GET_SYSTEM_TOPIC_LIST_FROM_NS, telling the client which broker to ask for the rest.
 */
public final class TopicList {
    private Set<String> topicList = new TreeSet<>();
    private String brokerAddr;

    public TopicList() {
    }

    public TopicList(Collection<String> topics) {
        this.topicList = new TreeSet<>(topics);
    }

    public Set<String> getTopicList() {
        return topicList;
    }

    public void setTopicList(Set<String> topicList) {
        this.topicList = topicList;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public void setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
    }
}
