package io.apogee.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * fastjson writes a map whose keys are objects (Map&lt;MessageQueue, Long&gt;) as {@code {{"topic":"T"}:100}},
 * which no JSON parser accepts. fastjson itself also reads the key as a string holding that object's
 * JSON, so this rewrites every object in key position into such a string and leaves everything else
 * byte for byte. Works on UTF-8 bytes directly: every structural character is ASCII and no byte of a
 * multi-byte sequence is.
 */
final class FastjsonObjectKeys {
    private static final int MAX_DEPTH = 1024;

    private FastjsonObjectKeys() {
    }

    /** Returns {@code json} itself when it holds no object keys, a rewritten copy otherwise. */
    static byte[] quote(byte[] json) {
        ByteArrayOutputStream out = null;
        int copiedUpTo = 0;
        boolean[] inObject = new boolean[16];
        int depth = 0;
        boolean expectKey = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            switch (b) {
                case '"', '\'' -> {
                    i = endOfString(json, i);
                    expectKey = false;
                }
                case '{' -> {
                    if (expectKey) {
                        int end = matchingBrace(json, i);
                        if (out == null) {
                            out = new ByteArrayOutputStream(json.length + 32);
                        }
                        out.write(json, copiedUpTo, i - copiedUpTo);
                        writeAsJsonString(json, i, end + 1, out);
                        copiedUpTo = end + 1;
                        i = end;
                        expectKey = false;
                    } else {
                        if (depth == MAX_DEPTH) {
                            return json; // let the real parser report the nesting problem
                        }
                        inObject = ensureCapacity(inObject, depth);
                        inObject[depth++] = true;
                        expectKey = true;
                    }
                }
                case '[' -> {
                    if (depth == MAX_DEPTH) {
                        return json;
                    }
                    inObject = ensureCapacity(inObject, depth);
                    inObject[depth++] = false;
                    expectKey = false;
                }
                case '}', ']' -> {
                    depth = Math.max(0, depth - 1);
                    expectKey = false;
                }
                case ',' -> expectKey = depth > 0 && inObject[depth - 1];
                case ' ', '\t', '\r', '\n' -> {
                    // whitespace does not change what comes next
                }
                default -> expectKey = false;
            }
        }
        if (out == null) {
            return json;
        }
        out.write(json, copiedUpTo, json.length - copiedUpTo);
        return out.toByteArray();
    }

    private static boolean[] ensureCapacity(boolean[] stack, int depth) {
        return depth < stack.length ? stack : Arrays.copyOf(stack, stack.length * 2);
    }

    /** Index of the quote closing the string that opens at {@code start}, or the last index if unterminated. */
    private static int endOfString(byte[] json, int start) {
        byte quote = json[start];
        for (int i = start + 1; i < json.length; i++) {
            if (json[i] == '\\') {
                i++;
            } else if (json[i] == quote) {
                return i;
            }
        }
        return json.length - 1;
    }

    private static int matchingBrace(byte[] json, int start) {
        int depth = 0;
        for (int i = start; i < json.length; i++) {
            byte b = json[i];
            if (b == '"' || b == '\'') {
                i = endOfString(json, i);
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return i;
            }
        }
        return json.length - 1;
    }

    private static void writeAsJsonString(byte[] json, int from, int to, ByteArrayOutputStream out) {
        out.write('"');
        for (int i = from; i < to; i++) {
            byte b = json[i];
            if (b == '"' || b == '\\') {
                out.write('\\');
                out.write(b);
            } else if (b >= 0 && b < 0x20) {
                out.writeBytes(String.format("\\u%04x", b).getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(b);
            }
        }
        out.write('"');
    }
}
