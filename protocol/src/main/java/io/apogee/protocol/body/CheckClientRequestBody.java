package io.apogee.protocol.body;

/** Body of CHECK_CLIENT_CONFIG (46): a consumer asks whether the broker supports its filter. */
public class CheckClientRequestBody {
    private String clientId;
    private String group;
    private SubscriptionData subscriptionData;
    /** 5.x. */
    private String namespace;

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public SubscriptionData getSubscriptionData() {
        return subscriptionData;
    }

    public void setSubscriptionData(SubscriptionData subscriptionData) {
        this.subscriptionData = subscriptionData;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }
}
