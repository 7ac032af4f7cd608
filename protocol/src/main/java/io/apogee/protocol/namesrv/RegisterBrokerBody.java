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
    /** First byte of a zlib stream using deflate with a 32 KiB window (what java.util.zip writes). */
    private static final byte ZLIB_DEFLATE_HEADER = 0x78;

    private TopicConfigSerializeWrapper topicConfigSerializeWrapper = new TopicConfigSerializeWrapper();
    private List<String> filterServerList = new ArrayList<>();

    public RegisterBrokerBody() {
    }

    public RegisterBrokerBody(TopicConfigSerializeWrapper topicConfigSerializeWrapper, List<String> filterServerList) {
        this.topicConfigSerializeWrapper = topicConfigSerializeWrapper;
        this.filterServerList = new ArrayList<>(filterServerList);
    }

    /**
     * Decodes either form; {@code senderVersion} is the request's protocol version. The form is also
     * recognised by content, because a 5.2.0 broker with {@code compressedRegister=true} compresses the
     * body but still says {@code compressed=false} in the header. A JSON body starts with '{' (or
     * whitespace), a zlib stream with the byte 0x78, so the two cannot be confused.
     */
    public static RegisterBrokerBody decode(byte[] body, boolean compressed, int senderVersion) {
        if (compressed || isZlib(body)) {
            return CompressedRegisterBrokerBody.decode(body, senderVersion >= FIRST_FIVE_X_VERSION);
        }
        return Json.parse(body, RegisterBrokerBody.class);
    }

    private static boolean isZlib(byte[] body) {
        return body.length >= 2 && body[0] == ZLIB_DEFLATE_HEADER && ((body[0] & 0xFF) << 8 | (body[1] & 0xFF)) % 31 == 0;
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
