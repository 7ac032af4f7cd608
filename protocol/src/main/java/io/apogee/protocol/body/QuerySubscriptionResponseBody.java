package io.apogee.protocol.body;

/** Answer to QUERY_SUBSCRIPTION_BY_CONSUMER (345, 5.x). */
public class QuerySubscriptionResponseBody {
    private String group;
    private String topic;
    private SubscriptionData subscriptionData;

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public SubscriptionData getSubscriptionData() {
        return subscriptionData;
    }

    public void setSubscriptionData(SubscriptionData subscriptionData) {
        this.subscriptionData = subscriptionData;
    }
}
