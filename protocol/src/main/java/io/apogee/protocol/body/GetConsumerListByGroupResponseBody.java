package io.apogee.protocol.body;

import java.util.ArrayList;
import java.util.List;

/** Answer to GET_CONSUMER_LIST_BY_GROUP (38): client ids of the group's live consumers. */
public class GetConsumerListByGroupResponseBody {
    private List<String> consumerIdList = new ArrayList<>();

    public List<String> getConsumerIdList() {
        return consumerIdList;
    }

    public void setConsumerIdList(List<String> consumerIdList) {
        this.consumerIdList = consumerIdList;
    }
}
