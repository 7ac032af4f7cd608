package io.apogee.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Netty reports a leak when a tracked buffer is garbage collected unreleased and another buffer is
 * allocated afterwards; this provokes both and fails on any report (tests run with leak detection
 * level PARANOID, so every buffer is tracked).
 */
final class LeakCheck {
    private LeakCheck() {
    }

    static void assertNoLeaks() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            for (int i = 0; i < 100; i++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(16);
                probe.release();
            }
        }
        assertThat(LeakRecorder.leaks()).as("Netty buffer leak reports").isEmpty();
    }
}
