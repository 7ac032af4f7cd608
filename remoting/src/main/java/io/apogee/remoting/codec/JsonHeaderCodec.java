package io.apogee.remoting.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.LanguageCode;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON header of wire.md §5, written byte-for-byte as fastjson writes it (fields in alphabetical
 * order, nulls omitted, ext entries in map iteration order) and read as leniently as fastjson reads
 * it. Writing is hand-rolled straight into the frame buffer; reading uses Jackson's streaming parser,
 * so neither side builds a tree or reflects per call.
 */
final class JsonHeaderCodec {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final LanguageCode[] LANGUAGES = LanguageCode.values();
    private static final int SCRATCH_MAX = 64 * 1024;
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[1024];
        }
    };

    private static final byte[] CODE = ascii("{\"code\":");
    private static final byte[] EXT_FIELDS = ascii(",\"extFields\":{");
    private static final byte[] FLAG = ascii(",\"flag\":");
    private static final byte[] LANGUAGE = ascii(",\"language\":");
    private static final byte[] OPAQUE = ascii(",\"opaque\":");
    private static final byte[] REMARK = ascii(",\"remark\":");
    private static final byte[] SERIALIZE_TYPE_AND_VERSION = ascii(",\"serializeTypeCurrentRPC\":\"JSON\",\"version\":");
    private static final byte[] HEX = ascii("0123456789ABCDEF");

    private JsonHeaderCodec() {
    }

    static void encode(RemotingCommand cmd, ByteBuf out) {
        out.writeBytes(CODE);
        JsonWriter.writeInt(out, cmd.getCode());
        Map<String, String> ext = cmd.getExtFields();
        if (ext != null) {
            out.writeBytes(EXT_FIELDS);
            boolean first = true;
            for (Map.Entry<String, String> e : ext.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                if (!first) {
                    out.writeByte(',');
                }
                first = false;
                JsonWriter.writeString(out, e.getKey());
                out.writeByte(':');
                JsonWriter.writeString(out, e.getValue());
            }
            out.writeByte('}');
        }
        out.writeBytes(FLAG);
        JsonWriter.writeInt(out, cmd.getFlag());
        if (cmd.getLanguage() != null) {
            out.writeBytes(LANGUAGE);
            JsonWriter.writeString(out, cmd.getLanguage().name());
        }
        out.writeBytes(OPAQUE);
        JsonWriter.writeInt(out, cmd.getOpaque());
        if (cmd.getRemark() != null) {
            out.writeBytes(REMARK);
            JsonWriter.writeString(out, cmd.getRemark());
        }
        out.writeBytes(SERIALIZE_TYPE_AND_VERSION);
        JsonWriter.writeInt(out, cmd.getVersion());
        out.writeByte('}');
    }

    /**
     * A per-thread array to copy a direct buffer's header into for the parser: a fresh copy per frame
     * was the largest allocation on the receive path after the bodies. Jackson keeps no reference to
     * the array once the parser is closed, and decoding never nests on one thread. Headers beyond
     * {@link #SCRATCH_MAX} (rare) get an array of their own, so no thread holds on to a huge one.
     */
    private static byte[] scratchFor(int length) {
        if (length > SCRATCH_MAX) {
            return new byte[length];
        }
        byte[] scratch = SCRATCH.get();
        if (scratch.length < length) {
            scratch = new byte[Math.min(SCRATCH_MAX, Integer.highestOneBit(length - 1) << 1)];
            SCRATCH.set(scratch);
        }
        return scratch;
    }

    static RemotingCommand decode(ByteBuf in) throws RemotingCommandException {
        byte[] bytes;
        int offset;
        int length = in.readableBytes();
        if (in.hasArray()) {
            bytes = in.array();
            offset = in.arrayOffset() + in.readerIndex();
        } else {
            bytes = scratchFor(length);
            in.getBytes(in.readerIndex(), bytes, 0, length);
            offset = 0;
        }
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new RemotingCommandException("JSON header is not an object");
            }
            RemotingCommand cmd = new RemotingCommand();
            cmd.setVersion(0);
            // Like the official decoder: without an opaque the command gets a fresh id, so a response
            // lacking one can never be mistaken for the answer to some other call.
            cmd.setOpaque(RemotingCommand.nextOpaque());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "code" -> cmd.setCode(readInt(p, name));
                    case "flag" -> cmd.setFlag(readInt(p, name));
                    case "opaque" -> cmd.setOpaque(readInt(p, name));
                    case "version" -> cmd.setVersion(readInt(p, name));
                    case "language" -> cmd.setLanguage(readLanguage(p));
                    case "remark" -> cmd.setRemark(readString(p, name));
                    case "extFields" -> cmd.setExtFields(readExtFields(p));
                    default -> p.skipChildren();
                }
            }
            in.skipBytes(length);
            return cmd;
        } catch (IOException e) {
            throw new RemotingCommandException("invalid JSON header: " + e.getMessage(), e);
        }
    }

    private static int readInt(JsonParser p, String field) throws IOException, RemotingCommandException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Integer.parseInt(p.getText().trim());
            } catch (NumberFormatException e) {
                throw new RemotingCommandException("JSON header field " + field + " is not a number: " + p.getText());
            }
        }
        throw new RemotingCommandException("JSON header field " + field + " is not a number: " + t);
    }

    /** fastjson reads an enum from its name or its ordinal; an unknown one becomes null. */
    private static LanguageCode readLanguage(JsonParser p) throws IOException, RemotingCommandException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            String name = p.getText();
            for (LanguageCode language : LANGUAGES) {
                if (language.name().equals(name)) {
                    return language;
                }
            }
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            int ordinal = p.getIntValue();
            return ordinal >= 0 && ordinal < LANGUAGES.length ? LANGUAGES[ordinal] : null;
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new RemotingCommandException("JSON header field language is neither a name nor a number: " + t);
    }

    private static String readString(JsonParser p, String field) throws IOException, RemotingCommandException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return p.getText();
        }
        throw new RemotingCommandException("JSON header field " + field + " is not a string: " + t);
    }

    /** Values that are JSON numbers or booleans are kept as their text, as fastjson converts them. */
    private static Map<String, String> readExtFields(JsonParser p) throws IOException, RemotingCommandException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw new RemotingCommandException("JSON header field extFields is not an object: " + t);
        }
        Map<String, String> ext = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            String value = readString(p, "extFields." + key);
            if (value != null) {
                ext.put(key, value);
            }
        }
        return ext;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Escaping as fastjson does it: quotes, backslash, C0 controls, U+007F..U+009F and the JavaScript line separators U+2028/U+2029; other text as raw UTF-8. */
    private static final class JsonWriter {
        private static void writeString(ByteBuf out, String s) {
            out.writeByte('"');
            int runStart = 0;
            int length = s.length();
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if (!needsEscape(c)) {
                    continue;
                }
                if (runStart < i) {
                    Utf8.write(out, s, runStart, i);
                }
                runStart = i + 1;
                writeEscape(out, c);
            }
            if (runStart < length) {
                Utf8.write(out, s, runStart, length);
            }
            out.writeByte('"');
        }

        private static boolean needsEscape(char c) {
            if (c < 0x7F) {
                return c < 0x20 || c == '"' || c == '\\';
            }
            return c <= 0x9F || c == '\u2028' || c == '\u2029';
        }

        private static void writeEscape(ByteBuf out, char c) {
            out.writeByte('\\');
            switch (c) {
                case '"' -> out.writeByte('"');
                case '\\' -> out.writeByte('\\');
                case '\b' -> out.writeByte('b');
                case '\t' -> out.writeByte('t');
                case '\n' -> out.writeByte('n');
                case '\f' -> out.writeByte('f');
                case '\r' -> out.writeByte('r');
                default -> {
                    out.writeByte('u');
                    out.writeByte(HEX[(c >> 12) & 0xF]);
                    out.writeByte(HEX[(c >> 8) & 0xF]);
                    out.writeByte(HEX[(c >> 4) & 0xF]);
                    out.writeByte(HEX[c & 0xF]);
                }
            }
        }

        private static void writeInt(ByteBuf out, int value) {
            if (value == Integer.MIN_VALUE) {
                out.writeBytes(ascii(Integer.toString(value)));
                return;
            }
            if (value < 0) {
                out.writeByte('-');
                value = -value;
            }
            int digits = 1;
            for (int v = value; v >= 10; v /= 10) {
                digits++;
            }
            int end = out.writerIndex() + digits;
            out.ensureWritable(digits);
            for (int i = end - 1; i >= out.writerIndex(); i--) {
                out.setByte(i, '0' + value % 10);
                value /= 10;
            }
            out.writerIndex(end);
        }
    }
}
