package io.apogee.remoting.codec;

import io.apogee.remoting.protocol.LanguageCode;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.SerializeType;
import java.util.HashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/** jqwik generators for arbitrary commands, including the awkward corners of the wire format. */
final class Commands {
    private Commands() {
    }

    /** Text without lone surrogates (which UTF-8 cannot carry and both encoders replace by '?'). */
    static Arbitrary<String> text() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF').ofMaxLength(40);
        Arbitrary<String> emoji = Arbitraries.of("😀", "𝄞 clef", "a\u0001b\u0002c", "\"quoted\\\"", "\u2028\u2029", "\u007F");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, plain), net.jqwik.api.Tuple.of(2, emoji));
    }

    /** Any UTF-16 content, lone surrogates included: used where both sides must agree on the replacement. */
    static Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(30);
    }

    static Arbitrary<RemotingCommand> commands(SerializeType type, Arbitrary<String> text) {
        Arbitrary<Integer> shortOrInt = type == SerializeType.ROCKETMQ
                ? Arbitraries.integers().between(Short.MIN_VALUE, Short.MAX_VALUE)
                : Arbitraries.integers();
        Arbitrary<HashMap<String, String>> ext = Arbitraries.maps(text, text).ofMaxSize(6).map(HashMap::new).injectNull(0.2);
        Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(64).injectNull(0.2);
        Arbitrary<LanguageCode> language = Arbitraries.of(LanguageCode.class);
        return Builders.withBuilder(RemotingCommand::new)
                .use(shortOrInt).in((c, v) -> { c.setCode(v); return c; })
                .use(shortOrInt).in((c, v) -> { c.setVersion(v); return c; })
                .use(Arbitraries.integers()).in((c, v) -> { c.setOpaque(v); return c; })
                .use(Arbitraries.integers()).in((c, v) -> { c.setFlag(v); return c; })
                .use(language).in((c, v) -> { c.setLanguage(v); return c; })
                .use(text.injectNull(0.3)).in((c, v) -> { c.setRemark(v); return c; })
                .use(ext).in((c, v) -> { c.setExtFields(v); return c; })
                .use(body).in((c, v) -> { c.setBody(v); return c; })
                .build(c -> { c.setSerializeTypeCurrentRPC(type); return c; });
    }

    static Arbitrary<RemotingCommand> commands(SerializeType type) {
        return commands(type, text());
    }

    static Arbitrary<RemotingCommand> anyTypeCommands() {
        return Combinators.combine(Arbitraries.of(SerializeType.class), Arbitraries.integers())
                .flatAs((type, ignored) -> commands(type));
    }
}
