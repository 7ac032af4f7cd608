package io.apogee.remoting.codec;

import io.netty.buffer.ByteBuf;

/**
 * UTF-8 exactly as {@code String.getBytes(UTF_8)} produces it, which is what the official encoders
 * use: a lone surrogate becomes '?' and the character after it is encoded normally. (Netty's
 * ByteBufUtil.writeUtf8 truncates that following character to one byte, so it cannot be used here.)
 */
final class Utf8 {
    private Utf8() {
    }

    static int length(CharSequence s, int start, int end) {
        int length = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    static int length(CharSequence s) {
        return length(s, 0, s.length());
    }

    static void write(ByteBuf out, CharSequence s, int start, int end) {
        out.ensureWritable(length(s, start, end));
        int index = out.writerIndex();
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.setByte(index++, c);
            } else if (c < 0x800) {
                out.setByte(index++, 0xC0 | (c >> 6));
                out.setByte(index++, 0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.setByte(index++, 0xF0 | (cp >> 18));
                out.setByte(index++, 0x80 | ((cp >> 12) & 0x3F));
                out.setByte(index++, 0x80 | ((cp >> 6) & 0x3F));
                out.setByte(index++, 0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out.setByte(index++, '?');
            } else {
                out.setByte(index++, 0xE0 | (c >> 12));
                out.setByte(index++, 0x80 | ((c >> 6) & 0x3F));
                out.setByte(index++, 0x80 | (c & 0x3F));
            }
        }
        out.writerIndex(index);
    }
}
