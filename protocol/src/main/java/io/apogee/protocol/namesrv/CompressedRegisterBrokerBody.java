package io.apogee.protocol.namesrv;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.apogee.protocol.DataVersion;
import io.apogee.protocol.Json;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.TopicConfigSerializeWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The zlib registration form that brokers with many topics use to stay small. Inside the stream, all
 * ints big-endian and every block length-prefixed: DataVersion JSON; topic count, then one
 * {@link TopicConfig#toText(boolean) text-encoded} topic per block; filter-server JSON array. The 5.x
 * layout adds topic attributes to each topic's text and ends with a count of static-topic mapping
 * infos followed by one JSON block each; 4.9 peers neither write nor accept either.
 */
final class CompressedRegisterBrokerBody {
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };
    /** A registration larger than this when inflated is refused rather than allowed to exhaust memory. */
    private static final int MAX_BLOCK = 64 * 1024 * 1024;

    private CompressedRegisterBrokerBody() {
    }

    static byte[] encode(RegisterBrokerBody body, boolean fiveXLayout) {
        TopicConfigSerializeWrapper wrapper = body.getTopicConfigSerializeWrapper();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
            writeBlock(out, Json.toBytes(wrapper.getDataVersion()));
            out.writeInt(wrapper.getTopicConfigTable().size());
            for (TopicConfig topic : wrapper.getTopicConfigTable().values()) {
                writeBlock(out, topic.toText(fiveXLayout).getBytes(StandardCharsets.UTF_8));
            }
            writeBlock(out, Json.toBytes(body.getFilterServerList()));
            if (fiveXLayout) {
                Map<String, JsonNode> mappings = wrapper.getTopicQueueMappingInfoMap();
                out.writeInt(mappings.size());
                for (JsonNode mapping : mappings.values()) {
                    writeBlock(out, Json.toBytes(mapping));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress a registration in memory", e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    static RegisterBrokerBody decode(byte[] data, boolean fiveXLayout) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
            wrapper.setDataVersion(Json.parse(readBlock(in), DataVersion.class));
            int topicCount = in.readInt();
            for (int i = 0; i < topicCount; i++) {
                TopicConfig topic = TopicConfig.fromText(new String(readBlock(in), StandardCharsets.UTF_8));
                if (topic == null) {
                    throw new IllegalArgumentException("compressed registration holds a malformed topic config");
                }
                wrapper.getTopicConfigTable().put(topic.getTopicName(), topic);
            }
            List<String> filterServers = Json.parse(readBlock(in), STRING_LIST);
            if (fiveXLayout) {
                Map<String, JsonNode> mappings = new HashMap<>();
                int mappingCount = in.readInt();
                for (int i = 0; i < mappingCount; i++) {
                    JsonNode mapping = Json.tree(readBlock(in));
                    mappings.put(mapping.path("topic").asText(), mapping);
                }
                wrapper.setTopicQueueMappingInfoMap(mappings);
            }
            return new RegisterBrokerBody(wrapper, filterServers);
        } catch (EOFException e) {
            throw new IllegalArgumentException("compressed registration is truncated", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("compressed registration is not a valid zlib stream: " + e.getMessage(), e);
        }
    }

    private static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_BLOCK) {
            throw new IllegalArgumentException("compressed registration has a block of bad length " + length);
        }
        byte[] block = new byte[length];
        in.readFully(block);
        return block;
    }
}
