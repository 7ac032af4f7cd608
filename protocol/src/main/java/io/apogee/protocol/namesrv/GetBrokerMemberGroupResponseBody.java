package io.apogee.protocol.namesrv;

/** GET_BROKER_MEMBER_GROUP (901) body: {@code {"brokerMemberGroup":{...}}}. */
public final class GetBrokerMemberGroupResponseBody {
    private BrokerMemberGroup brokerMemberGroup;

    public GetBrokerMemberGroupResponseBody() {
    }

    public GetBrokerMemberGroupResponseBody(BrokerMemberGroup brokerMemberGroup) {
        this.brokerMemberGroup = brokerMemberGroup;
    }

    public BrokerMemberGroup getBrokerMemberGroup() {
        return brokerMemberGroup;
    }
}
