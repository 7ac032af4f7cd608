package io.apogee.protocol.namesrv;

import io.apogee.protocol.Json;
import io.apogee.protocol.TopicConfigSerializeWrapper;
import java.util.ArrayList;
import java.util.List;

/**
 * REGISTER_BROKER body: the broker's topic table and its (legacy, always empty) filter servers.
 * Travels as JSON, or in the zlib form of {@link CompressedRegisterBrokerBody} when the header says
 * {@code compressed=true}.
 */
public final class RegisterBrokerBody {
    /** Protocol version (V5_0_0) from which the compressed form has the 5.x layout. */
    public static final int FIRST_FIVE_X_VERSION = 413;

    private TopicConfigSerializeWrapper topicConfigSerializeWrapper = new TopicConfigSerializeWrapper();
    private List<String> filterServerList = new ArrayList<>();

    public RegisterBrokerBody() {
    }

    public RegisterBrokerBody(TopicConfigSerializeWrapper topicConfigSerializeWrapper, List<String> filterServerList) {
        this.topicConfigSerializeWrapper = topicConfigSerializeWrapper;
        this.filterServerList = new ArrayList<>(filterServerList);
    }

    /** Decodes either form; {@code senderVersion} is the request's protocol version. */
    public static RegisterBrokerBody decode(byte[] body, boolean compressed, int senderVersion) {
        if (compressed) {
            return CompressedRegisterBrokerBody.decode(body, senderVersion >= FIRST_FIVE_X_VERSION);
        }
        return Json.parse(body, RegisterBrokerBody.class);
    }

    /** Encodes for a receiver that speaks {@code protocolVersion} (our own version for a 5.x peer). */
    public byte[] encode(boolean compressed, int protocolVersion) {
        if (compressed) {
            return CompressedRegisterBrokerBody.encode(this, protocolVersion >= FIRST_FIVE_X_VERSION);
        }
        return Json.toBytes(this);
    }

    public TopicConfigSerializeWrapper getTopicConfigSerializeWrapper() {
        return topicConfigSerializeWrapper;
    }

    public void setTopicConfigSerializeWrapper(TopicConfigSerializeWrapper topicConfigSerializeWrapper) {
        this.topicConfigSerializeWrapper = topicConfigSerializeWrapper;
    }

    public List<String> getFilterServerList() {
        return filterServerList;
    }

    public void setFilterServerList(List<String> filterServerList) {
        this.filterServerList = filterServerList;
    }
}
