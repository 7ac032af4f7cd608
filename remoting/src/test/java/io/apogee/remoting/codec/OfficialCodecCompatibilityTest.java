package io.apogee.remoting.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.remoting.protocol.LanguageCode;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.HashMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Our frames against the ones Apache RocketMQ 5.2.0's own RemotingCommand produces and reads: same
 * bytes for the same command, and each side decodes what the other encodes.
 */
class OfficialCodecCompatibilityTest {
    private static final String OFFICIAL_PACKAGE = "org.apache.rocketmq.remoting.protocol.";

    @Provide
    Arbitrary<RemotingCommand> json() {
        return Commands.commands(SerializeType.JSON, Commands.anyText());
    }

    @Provide
    Arbitrary<RemotingCommand> binary() {
        return Commands.commands(SerializeType.ROCKETMQ, Commands.anyText());
    }

    @Property(tries = 300)
    void jsonFramesAreByteIdentical(@ForAll("json") RemotingCommand cmd) {
        assertSameBytes(ours(cmd), official(cmd));
        assertSameBytes(ours(cmd), officialFast(cmd));
    }

    /** The map is the same HashMap instance on both sides, so even multi-entry ext fields iterate alike. */
    @Property(tries = 300)
    void binaryFramesAreByteIdentical(@ForAll("binary") RemotingCommand cmd) {
        assertSameBytes(ours(cmd), official(cmd));
    }

    /**
     * The official NettyEncoder's ROCKETMQ path writes strings with Netty's UTF-8 writer, which turns
     * a lone surrogate into '?' plus a truncated byte (invalid UTF-8) where encode() writes '?' plus
     * the next character properly. We follow encode(); for all real text the two agree, as here.
     */
    @Property(tries = 300)
    void binaryFramesMatchTheOfficialNettyEncoderForWellFormedText(@ForAll("wellFormedBinary") RemotingCommand cmd) {
        assertSameBytes(ours(cmd), officialFast(cmd));
    }

    @Provide
    Arbitrary<RemotingCommand> wellFormedBinary() {
        return Commands.commands(SerializeType.ROCKETMQ);
    }

    @Property(tries = 200)
    void officialDecodesOurJsonFrames(@ForAll("json") RemotingCommand cmd) throws Exception {
        assertOfficialDecodesOurs(cmd);
    }

    @Property(tries = 200)
    void officialDecodesOurBinaryFrames(@ForAll("binary") RemotingCommand cmd) throws Exception {
        assertOfficialDecodesOurs(cmd);
    }

    @Property(tries = 200)
    void weDecodeOfficialJsonFrames(@ForAll("json") RemotingCommand cmd) throws Exception {
        assertWeDecodeOfficial(cmd);
    }

    @Property(tries = 200)
    void weDecodeOfficialBinaryFrames(@ForAll("binary") RemotingCommand cmd) throws Exception {
        assertWeDecodeOfficial(cmd);
    }

    /** Every UTF-16 unit (lone surrogates included) escaped or encoded exactly as fastjson and getBytes do. */
    @Example
    void everyCharacterIsEncodedLikeTheOfficialEncoder() {
        for (SerializeType type : SerializeType.values()) {
            StringBuilder all = new StringBuilder();
            for (char c = 0; c < Character.MAX_VALUE; c++) {
                all.append(c).append('x');
            }
            RemotingCommand cmd = new RemotingCommand();
            cmd.setSerializeTypeCurrentRPC(type);
            cmd.setRemark(all.toString());
            cmd.addExtField(all.substring(0, 4000), all.toString());
            assertSameBytes(ours(cmd), official(cmd));
            if (type == SerializeType.JSON) {
                assertSameBytes(ours(cmd), officialFast(cmd));
            }
        }
    }

    /** The worked example of wire.md §4. */
    @Example
    void binaryWorkedExample() {
        RemotingCommand cmd = new RemotingCommand();
        cmd.setCode(105);
        cmd.setVersion(453);
        cmd.setOpaque(2);
        cmd.setRemark("r");
        cmd.addExtField("topic", "TopicTest");
        cmd.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        assertThat(hex(ours(cmd))).isEqualTo("0000002e" + "0100002a" + "0069" + "00" + "01c5" + "00000002" + "00000000"
                + "00000001" + "72" + "00000014" + "0005" + ByteBufUtil.hexDump("topic".getBytes()) + "00000009"
                + ByteBufUtil.hexDump("TopicTest".getBytes()));
    }

    /** The example request of wire.md §5. */
    @Example
    void jsonWorkedExample() {
        RemotingCommand cmd = new RemotingCommand();
        cmd.setCode(105);
        cmd.setOpaque(0);
        cmd.addExtField("topic", "TopicTest");
        byte[] frame = ours(cmd);
        String header = new String(frame, 8, frame.length - 8);
        assertThat(header).isEqualTo("{\"code\":105,\"extFields\":{\"topic\":\"TopicTest\"},\"flag\":0,\"language\":\"JAVA\","
                + "\"opaque\":0,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":453}");
    }

    private static void assertOfficialDecodesOurs(RemotingCommand cmd) throws Exception {
        byte[] frame = ours(cmd);
        var decoded = org.apache.rocketmq.remoting.protocol.RemotingCommand.decode(ByteBuffer.wrap(frame, 4, frame.length - 4).slice());
        assertSameCommand(fromOfficial(decoded), normalised(cmd));
    }

    private static void assertWeDecodeOfficial(RemotingCommand cmd) throws Exception {
        byte[] frame = official(cmd);
        ByteBuf buf = Unpooled.wrappedBuffer(frame, 4, frame.length - 4);
        assertSameCommand(FrameCodec.decode(buf), normalised(cmd));
    }

    /** Field by field: two decoders build different HashMaps, so their iteration (and encoding) order may differ. */
    private static void assertSameCommand(RemotingCommand actual, RemotingCommand expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }

    /** What a command looks like after one trip over the wire: the normalisations both decoders apply. */
    private static RemotingCommand normalised(RemotingCommand cmd) {
        byte[] frame = ours(cmd);
        try {
            return FrameCodec.decode(Unpooled.wrappedBuffer(frame, 4, frame.length - 4));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] ours(RemotingCommand cmd) {
        ByteBuf frame = FrameCodec.encode(cmd, io.netty.buffer.UnpooledByteBufAllocator.DEFAULT);
        try {
            return ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
    }

    private static byte[] official(RemotingCommand cmd) {
        return toBytes(toOfficial(cmd).encode());
    }

    /** What the official NettyEncoder writes: fastEncodeHeader (length word included), then the body. */
    private static byte[] officialFast(RemotingCommand cmd) {
        ByteBuf out = Unpooled.buffer();
        try {
            toOfficial(cmd).fastEncodeHeader(out);
            if (cmd.getBody() != null) {
                out.writeBytes(cmd.getBody());
            }
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private static org.apache.rocketmq.remoting.protocol.RemotingCommand toOfficial(RemotingCommand cmd) {
        var official = org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(cmd.getCode(), null);
        official.setSerializeTypeCurrentRPC(org.apache.rocketmq.remoting.protocol.SerializeType.valueOf(cmd.getSerializeTypeCurrentRPC().name()));
        official.setCode(cmd.getCode());
        official.setVersion(cmd.getVersion());
        official.setOpaque(cmd.getOpaque());
        official.setFlag(cmd.getFlag());
        official.setLanguage(cmd.getLanguage() == null ? null
                : org.apache.rocketmq.remoting.protocol.LanguageCode.valueOf(cmd.getLanguage().name()));
        official.setRemark(cmd.getRemark());
        official.setExtFields((HashMap<String, String>) cmd.getExtFields());
        official.setBody(cmd.getBody());
        return official;
    }

    private static RemotingCommand fromOfficial(org.apache.rocketmq.remoting.protocol.RemotingCommand official) {
        RemotingCommand cmd = new RemotingCommand();
        cmd.setSerializeTypeCurrentRPC(SerializeType.valueOf(official.getSerializeTypeCurrentRPC().name()));
        cmd.setCode(official.getCode());
        cmd.setVersion(official.getVersion());
        cmd.setOpaque(official.getOpaque());
        cmd.setFlag(official.getFlag());
        cmd.setLanguage(official.getLanguage() == null ? null : LanguageCode.valueOf(official.getLanguage().name()));
        cmd.setRemark(official.getRemark());
        cmd.setExtFields(official.getExtFields());
        cmd.setBody(official.getBody());
        return cmd;
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** Reports the first differing byte with some context: whole frames are too long to eyeball. */
    private static void assertSameBytes(byte[] actual, byte[] expected) {
        int n = Math.min(actual.length, expected.length);
        // Look past the length words first: a content difference explains a length difference.
        int i = Math.min(8, n);
        while (i < n && actual[i] == expected[i]) {
            i++;
        }
        if (i == n && actual.length == expected.length) {
            i = 0;
            while (i < 8 && i < n && actual[i] == expected[i]) {
                i++;
            }
            if (i == Math.min(8, n)) {
                return;
            }
        }
        int from = Math.max(0, i - 24);
        throw new AssertionError("frames differ at byte " + i + " (lengths " + actual.length + " vs " + expected.length + ")"
                + "\n ours:     " + window(actual, from) + "\n official: " + window(expected, from));
    }

    private static String window(byte[] bytes, int from) {
        int to = Math.min(bytes.length, from + 48);
        return ByteBufUtil.hexDump(bytes, from, to - from) + "  " + new String(bytes, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7e]", ".");
    }

    private static String hex(byte[] bytes) {
        return ByteBufUtil.hexDump(bytes);
    }
}
