package io.apogee.remoting.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever bytes arrive, decoding either yields a command or fails with RemotingCommandException
 * (which closes just that connection) — never an unexpected runtime exception.
 */
class FrameDecodeFuzzTest {

    @Property(tries = 1000)
    void arbitraryBytesAfterAHeaderWord(@ForAll("types") int type, @ForAll byte[] header) {
        ByteBuf frame = Unpooled.buffer().writeInt((type << 24) | header.length).writeBytes(header);
        assertDecodesOrRejects(frame);
    }

    /** Valid frames with a few bytes overwritten: the nastiest inputs are almost right. */
    @Property(tries = 1000)
    void corruptedValidFrames(@ForAll("commands") RemotingCommand cmd, @ForAll("positions") List<Integer> positions,
                              @ForAll byte[] values) {
        ByteBuf encoded = FrameCodec.encode(cmd, io.netty.buffer.UnpooledByteBufAllocator.DEFAULT);
        byte[] bytes = ByteBufUtil.getBytes(encoded, 4, encoded.readableBytes() - 4);
        encoded.release();
        for (int i = 0; i < positions.size() && i < values.length; i++) {
            bytes[positions.get(i) % bytes.length] = values[i];
        }
        assertDecodesOrRejects(Unpooled.wrappedBuffer(bytes));
    }

    @Provide
    Arbitrary<Integer> types() {
        return Arbitraries.of(0, 1);
    }

    @Provide
    Arbitrary<RemotingCommand> commands() {
        return Arbitraries.of(SerializeType.values()).flatMap(Commands::commands);
    }

    @Provide
    Arbitrary<List<Integer>> positions() {
        return Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(1).ofMaxSize(4);
    }

    private static void assertDecodesOrRejects(ByteBuf frame) {
        try {
            RemotingCommand decoded = FrameCodec.decode(frame);
            assertThat(decoded).isNotNull();
        } catch (RemotingCommandException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
