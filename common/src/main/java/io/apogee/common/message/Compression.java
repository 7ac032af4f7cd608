package io.apogee.common.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** zlib (RFC 1950) helpers for message bodies; the official client compresses at level 5. */
public final class Compression {
    public static final int DEFAULT_ZLIB_LEVEL = 5;

    private Compression() {
    }

    public static byte[] zlibCompress(byte[] src, int level) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(src);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, src.length / 2));
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    public static byte[] zlibUncompress(byte[] src) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(src);
            ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 3);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new UncheckedIOException(new IOException("truncated zlib stream"));
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new UncheckedIOException(new IOException("bad zlib stream", e));
        } finally {
            inflater.end();
        }
    }

    /** Decompresses a stored body according to its SYSFLAG; only ZLIB is built in. */
    public static byte[] uncompress(byte[] body, int sysFlag) {
        int type = MessageSysFlag.getCompressionType(sysFlag);
        if (type != MessageSysFlag.COMPRESSION_ZLIB_TYPE) {
            throw new UnsupportedOperationException("compression type 0x" + Integer.toHexString(type));
        }
        return zlibUncompress(body);
    }
}
