package io.apogee.store;

import java.nio.ByteBuffer;

/** Decodes with the official RocketMQ decoder, proving the store's records are client-readable. */
final class OfficialDecoder {
    private OfficialDecoder() {
    }

    static byte[] decodeBody(ByteBuffer record) {
        return org.apache.rocketmq.common.message.MessageDecoder.decode(record, true, true).getBody();
    }
}
