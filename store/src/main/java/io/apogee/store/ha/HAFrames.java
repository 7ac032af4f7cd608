package io.apogee.store.ha;

/**
 * RocketMQ's classic replication wire, so an Apogee slave can follow an Apache RocketMQ master and
 * the other way round. Master to slave, repeated: {@code [8-byte commit-log offset][4-byte size][size
 * bytes of the commit log from that offset]}, big-endian; size 0 is a heartbeat naming the offset the
 * master will send from next. Slave to master, repeated: its commit-log max offset, 8 bytes, which is
 * both the request (the first one) and the acknowledgement (every later one).
 */
final class HAFrames {
    static final int TRANSFER_HEADER_SIZE = 8 + 4;
    static final int REPORT_SIZE = 8;

    private HAFrames() {
    }
}
