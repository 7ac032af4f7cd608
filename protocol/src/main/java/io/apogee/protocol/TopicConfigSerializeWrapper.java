package io.apogee.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A broker's whole topic table with its version: the registration payload, GET_ALL_TOPIC_CONFIG's
 * answer and the broker's topics.json. The three static-topic ("logical queue") members of the 5.x
 * shape are carried through as raw JSON because Apogee does not implement static topics; they are
 * empty unless a 5.x peer sent some.
 */
public final class TopicConfigSerializeWrapper {
    private DataVersion dataVersion = new DataVersion();
    private ConcurrentMap<String, TopicConfig> topicConfigTable = new ConcurrentHashMap<>();
    private DataVersion mappingDataVersion;
    private Map<String, JsonNode> topicQueueMappingInfoMap = new HashMap<>();
    private Map<String, JsonNode> topicQueueMappingDetailMap = new HashMap<>();

    public TopicConfigSerializeWrapper() {
    }

    public TopicConfigSerializeWrapper(DataVersion dataVersion, Map<String, TopicConfig> topicConfigTable) {
        this.dataVersion = dataVersion;
        this.topicConfigTable = new ConcurrentHashMap<>(topicConfigTable);
    }

    public DataVersion getDataVersion() {
        return dataVersion;
    }

    public void setDataVersion(DataVersion dataVersion) {
        this.dataVersion = dataVersion;
    }

    public ConcurrentMap<String, TopicConfig> getTopicConfigTable() {
        return topicConfigTable;
    }

    public void setTopicConfigTable(Map<String, TopicConfig> topicConfigTable) {
        this.topicConfigTable = new ConcurrentHashMap<>(topicConfigTable);
    }

    public DataVersion getMappingDataVersion() {
        return mappingDataVersion;
    }

    public void setMappingDataVersion(DataVersion mappingDataVersion) {
        this.mappingDataVersion = mappingDataVersion;
    }

    public Map<String, JsonNode> getTopicQueueMappingInfoMap() {
        return topicQueueMappingInfoMap;
    }

    public void setTopicQueueMappingInfoMap(Map<String, JsonNode> topicQueueMappingInfoMap) {
        this.topicQueueMappingInfoMap = topicQueueMappingInfoMap;
    }

    public Map<String, JsonNode> getTopicQueueMappingDetailMap() {
        return topicQueueMappingDetailMap;
    }

    public void setTopicQueueMappingDetailMap(Map<String, JsonNode> topicQueueMappingDetailMap) {
        this.topicQueueMappingDetailMap = topicQueueMappingDetailMap;
    }
}
