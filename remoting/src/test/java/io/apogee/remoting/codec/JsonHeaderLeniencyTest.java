package io.apogee.remoting.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.LanguageCode;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What fastjson tolerates in a header, we tolerate too (wire.md §5, decoding facts). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JsonHeaderLeniencyTest {

    @Test
    void missingFieldsTakeTheirDefaults() throws Exception {
        RemotingCommand cmd = decode("{}");
        assertThat(cmd.getCode()).isZero();
        assertThat(cmd.getLanguage()).isEqualTo(LanguageCode.JAVA);
        assertThat(cmd.getVersion()).isZero();
        assertThat(cmd.getFlag()).isZero();
        assertThat(cmd.getRemark()).isNull();
        assertThat(cmd.getExtFields()).isNull();
        assertThat(cmd.getBody()).isNull();
    }

    @Test
    void missingOpaqueGetsAFreshIdSoItMatchesNoCall() throws Exception {
        int first = decode("{\"flag\":1}").getOpaque();
        int second = decode("{\"flag\":1}").getOpaque();
        assertThat(second).isNotEqualTo(first);
        assertThat(decode("{\"opaque\":0}").getOpaque()).isZero();
    }

    @Test
    void languageByNameOrOrdinalAndUnknownAsNull() throws Exception {
        assertThat(decode("{\"language\":\"GO\"}").getLanguage()).isEqualTo(LanguageCode.GO);
        assertThat(decode("{\"language\":1}").getLanguage()).isEqualTo(LanguageCode.CPP);
        assertThat(decode("{\"language\":\"COBOL\"}").getLanguage()).isNull();
        assertThat(decode("{\"language\":99}").getLanguage()).isNull();
    }

    @Test
    void extValuesThatAreNumbersOrBooleansBecomeStrings() throws Exception {
        RemotingCommand cmd = decode("{\"extFields\":{\"queueId\":3,\"offset\":-12345678901,\"unitMode\":false,\"ratio\":1.5}}");
        assertThat(cmd.getExtFields()).containsEntry("queueId", "3").containsEntry("offset", "-12345678901")
                .containsEntry("unitMode", "false").containsEntry("ratio", "1.5");
    }

    @Test
    void unknownFieldsAndKeyOrderDoNotMatter() throws Exception {
        RemotingCommand cmd = decode("{\"version\":453,\"whatever\":[{\"a\":1}],\"serializeTypeCurrentRPC\":\"JSON\","
                + "\"opaque\":9,\"flag\":1,\"remark\":\"r\\u0001\",\"code\":17}");
        assertThat(cmd.getCode()).isEqualTo(17);
        assertThat(cmd.getOpaque()).isEqualTo(9);
        assertThat(cmd.isResponse()).isTrue();
        assertThat(cmd.getRemark()).isEqualTo("r\u0001");
        assertThat(cmd.getVersion()).isEqualTo(453);
    }

    @Test
    void numbersOutOfIntRangeAreRejected() {
        assertThatThrownBy(() -> decode("{\"code\":99999999999}")).isInstanceOf(RemotingCommandException.class);
    }

    private static RemotingCommand decode(String json) throws RemotingCommandException {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuf frame = Unpooled.buffer().writeInt(header.length).writeBytes(header);
        return FrameCodec.decode(frame);
    }
}
