package io.apogee.remoting.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.LanguageCode;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever we encode, we decode to the same command (modulo the wire's documented normalisations). */
class FrameCodecPropertiesTest {

    @Provide
    Arbitrary<RemotingCommand> json() {
        return Commands.commands(SerializeType.JSON);
    }

    @Provide
    Arbitrary<RemotingCommand> binary() {
        return Commands.commands(SerializeType.ROCKETMQ);
    }

    @Property(tries = 300)
    void jsonRoundTrip(@ForAll("json") RemotingCommand cmd) throws RemotingCommandException {
        assertRoundTrip(cmd, false);
    }

    @Property(tries = 300)
    void binaryRoundTrip(@ForAll("binary") RemotingCommand cmd) throws RemotingCommandException {
        assertRoundTrip(cmd, true);
    }

    private static void assertRoundTrip(RemotingCommand cmd, boolean emptyStringsBecomeNull) throws RemotingCommandException {
        ByteBuf frame = FrameCodec.encode(cmd);
        RemotingCommand decoded;
        try {
            assertThat(frame.getInt(0)).isEqualTo(frame.readableBytes() - 4);
            decoded = FrameCodec.decode(frame.skipBytes(4));
        } finally {
            frame.release();
        }
        assertThat(decoded.getCode()).isEqualTo(cmd.getCode());
        assertThat(decoded.getVersion()).isEqualTo(cmd.getVersion());
        assertThat(decoded.getOpaque()).isEqualTo(cmd.getOpaque());
        assertThat(decoded.getFlag()).isEqualTo(cmd.getFlag());
        assertThat(decoded.getLanguage()).isEqualTo(cmd.getLanguage() == null ? LanguageCode.JAVA : cmd.getLanguage());
        assertThat(decoded.getSerializeTypeCurrentRPC()).isEqualTo(cmd.getSerializeTypeCurrentRPC());
        assertThat(decoded.getRemark()).isEqualTo(emptyStringsBecomeNull ? emptyToNull(cmd.getRemark()) : cmd.getRemark());
        assertThat(decoded.getExtFields()).isEqualTo(expectedExt(cmd.getExtFields(), emptyStringsBecomeNull));
        if (cmd.getBody() == null || cmd.getBody().length == 0) {
            assertThat(decoded.getBody()).isNull();
        } else {
            assertThat(decoded.getBody()).isEqualTo(cmd.getBody());
        }
    }

    private static Map<String, String> expectedExt(Map<String, String> ext, boolean emptyStringsBecomeNull) {
        if (ext == null || (emptyStringsBecomeNull && ext.isEmpty())) {
            return null;
        }
        Map<String, String> expected = new HashMap<>();
        ext.forEach((k, v) -> expected.put(emptyStringsBecomeNull ? emptyToNull(k) : k, emptyStringsBecomeNull ? emptyToNull(v) : v));
        return expected;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
