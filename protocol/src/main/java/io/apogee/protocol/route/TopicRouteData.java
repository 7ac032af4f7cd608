package io.apogee.protocol.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * GET_ROUTEINFO_BY_TOPIC body. The clients iterate {@code queueDatas} and {@code brokerDatas} without
 * null checks, so both are always present; {@code filterServerTable} is sent empty. A non-empty
 * {@code orderTopicConf} ("brokerName:queueNum;...") makes the producer treat the topic as ordered.
 */
public final class TopicRouteData {
    private String orderTopicConf;
    private List<QueueData> queueDatas = new ArrayList<>();
    private List<BrokerData> brokerDatas = new ArrayList<>();
    private Map<String, List<String>> filterServerTable = new HashMap<>();

    public TopicRouteData() {
    }

    public TopicRouteData(List<QueueData> queueDatas, List<BrokerData> brokerDatas) {
        this.queueDatas = new ArrayList<>(queueDatas);
        this.brokerDatas = new ArrayList<>(brokerDatas);
    }

    public String getOrderTopicConf() {
        return orderTopicConf;
    }

    public void setOrderTopicConf(String orderTopicConf) {
        this.orderTopicConf = orderTopicConf;
    }

    public List<QueueData> getQueueDatas() {
        return queueDatas;
    }

    public void setQueueDatas(List<QueueData> queueDatas) {
        this.queueDatas = queueDatas;
    }

    public List<BrokerData> getBrokerDatas() {
        return brokerDatas;
    }

    public void setBrokerDatas(List<BrokerData> brokerDatas) {
        this.brokerDatas = brokerDatas;
    }

    public Map<String, List<String>> getFilterServerTable() {
        return filterServerTable;
    }

    public void setFilterServerTable(Map<String, List<String>> filterServerTable) {
        this.filterServerTable = filterServerTable;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicRouteData t && Objects.equals(orderTopicConf, t.orderTopicConf)
                && Objects.equals(queueDatas, t.queueDatas) && Objects.equals(brokerDatas, t.brokerDatas)
                && Objects.equals(filterServerTable, t.filterServerTable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderTopicConf, queueDatas, brokerDatas, filterServerTable);
    }

    @Override
    public String toString() {
        return "TopicRouteData[queueDatas=" + queueDatas + ", brokerDatas=" + brokerDatas
                + (orderTopicConf == null ? "" : ", orderTopicConf=" + orderTopicConf) + "]";
    }
}
