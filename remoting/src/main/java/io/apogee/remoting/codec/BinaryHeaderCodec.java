package io.apogee.remoting.codec;

import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.LanguageCode;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The ROCKETMQ binary header of wire.md §4. Every length is checked against the header's own bytes. */
final class BinaryHeaderCodec {
    private BinaryHeaderCodec() {
    }

    static void encode(RemotingCommand cmd, ByteBuf out) {
        checkShort("code", cmd.getCode());
        checkShort("version", cmd.getVersion());
        out.writeShort(cmd.getCode());
        LanguageCode language = cmd.getLanguage();
        out.writeByte(language == null ? LanguageCode.JAVA.code() : language.code());
        out.writeShort(cmd.getVersion());
        out.writeInt(cmd.getOpaque());
        out.writeInt(cmd.getFlag());
        writeLengthPrefixedInt(out, cmd.getRemark());
        int extLengthIndex = out.writerIndex();
        out.writeInt(0);
        Map<String, String> ext = cmd.getExtFields();
        if (ext != null) {
            for (Map.Entry<String, String> e : ext.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                int keyLength = Utf8.length(e.getKey());
                checkShort("ext key length", keyLength);
                out.writeShort(keyLength);
                Utf8.write(out, e.getKey(), 0, e.getKey().length());
                writeLengthPrefixedInt(out, e.getValue());
            }
        }
        out.setInt(extLengthIndex, out.writerIndex() - extLengthIndex - 4);
    }

    static RemotingCommand decode(ByteBuf in) throws RemotingCommandException {
        RemotingCommand cmd = new RemotingCommand();
        require(in, 2 + 1 + 2 + 4 + 4 + 4, "fixed header fields");
        cmd.setCode(in.readShort());
        cmd.setLanguage(LanguageCode.valueOf(in.readByte()));
        cmd.setVersion(in.readShort());
        cmd.setOpaque(in.readInt());
        cmd.setFlag(in.readInt());
        cmd.setRemark(readString(in, in.readInt(), "remark"));
        require(in, 4, "ext fields length");
        int extLength = in.readInt();
        if (extLength > 0) {
            require(in, extLength, "ext fields");
            cmd.setExtFields(readExtFields(in.readSlice(extLength)));
        } else if (extLength < 0) {
            throw new RemotingCommandException("negative ext fields length " + extLength);
        }
        return cmd;
    }

    private static Map<String, String> readExtFields(ByteBuf in) throws RemotingCommandException {
        Map<String, String> ext = new HashMap<>();
        while (in.isReadable()) {
            require(in, 2, "ext key length");
            String key = readString(in, in.readShort(), "ext key");
            require(in, 4, "ext value length");
            String value = readString(in, in.readInt(), "ext value");
            ext.put(key, value);
        }
        return ext;
    }

    /** A zero length means null, as the official decoder reads it. */
    private static String readString(ByteBuf in, int length, String what) throws RemotingCommandException {
        if (length < 0) {
            throw new RemotingCommandException("negative " + what + " length " + length);
        }
        if (length == 0) {
            return null;
        }
        require(in, length, what);
        String s = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return s;
    }

    private static void writeLengthPrefixedInt(ByteBuf out, String s) {
        if (s == null || s.isEmpty()) {
            out.writeInt(0);
            return;
        }
        out.writeInt(Utf8.length(s));
        Utf8.write(out, s, 0, s.length());
    }

    private static void require(ByteBuf in, int length, String what) throws RemotingCommandException {
        if (in.readableBytes() < length) {
            throw new RemotingCommandException(what + " need " + length + " bytes but the header has " + in.readableBytes() + " left");
        }
    }

    private static void checkShort(String what, int value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new IllegalArgumentException(what + " " + value + " does not fit the ROCKETMQ header's 16 bits; use JSON");
        }
    }
}
