package io.apogee.common.message;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client unique ids for {@code UNIQ_KEY} (message.md §7.2): a fixed prefix (IP, pid low 16 bits,
 * class-loader hash) followed by milliseconds since the start of the current month and a counter.
 */
public final class UniqueIdGenerator {
    private static final UniqueIdGenerator INSTANCE = new UniqueIdGenerator(localAddress());

    private final String prefix;
    private final int ipLength;
    private final AtomicInteger counter = new AtomicInteger();
    private long monthStart;
    private long nextMonthStart;

    UniqueIdGenerator(byte[] ip) {
        ByteBuffer buf = ByteBuffer.allocate(ip.length + 2 + 4);
        buf.put(ip);
        buf.putShort((short) ProcessHandle.current().pid());
        buf.putInt(UniqueIdGenerator.class.getClassLoader() == null ? 0
                : UniqueIdGenerator.class.getClassLoader().hashCode());
        this.prefix = HexCodec.encode(buf.array());
        this.ipLength = ip.length;
        setMonth(System.currentTimeMillis());
    }

    /** A new id from the process-wide generator. */
    public static String createUniqId() {
        return INSTANCE.next();
    }

    public String next() {
        long now = System.currentTimeMillis();
        int sinceMonthStart;
        short count;
        synchronized (this) {
            if (now >= nextMonthStart) {
                setMonth(now);
            }
            sinceMonthStart = (int) (now - monthStart);
            count = (short) counter.getAndIncrement();
        }
        ByteBuffer tail = ByteBuffer.allocate(6).putInt(sinceMonthStart).putShort(count);
        return prefix + HexCodec.encode(tail.array());
    }

    int ipLength() {
        return ipLength;
    }

    /** The IP bytes at the front of an id (4 for 32-char ids, 16 for 56-char ids). */
    public static byte[] ipFromId(String uniqId) {
        int ipLength = uniqId.length() == 32 ? 4 : 16;
        return HexCodec.decode(uniqId.substring(0, ipLength * 2));
    }

    /**
     * The approximate creation time of an id: its month-relative milliseconds applied to the
     * current month (or the previous one when that would lie in the future).
     */
    public static long nearlyTimeFromId(String uniqId) {
        int ipLength = uniqId.length() == 32 ? 4 : 16;
        int start = (ipLength + 2 + 4) * 2;
        int sinceMonthStart = ByteBuffer.wrap(HexCodec.decode(uniqId.substring(start, start + 8))).getInt();
        LocalDate firstOfMonth = LocalDate.now().withDayOfMonth(1);
        long thisMonth = firstOfMonth.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
        long candidate = thisMonth + (sinceMonthStart & 0xFFFFFFFFL);
        if (candidate > System.currentTimeMillis()) {
            long lastMonth = firstOfMonth.minusMonths(1).atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
            return lastMonth + (sinceMonthStart & 0xFFFFFFFFL);
        }
        return candidate;
    }

    private void setMonth(long now) {
        LocalDate date = java.time.Instant.ofEpochMilli(now).atZone(ZoneId.systemDefault()).toLocalDate()
                .withDayOfMonth(1);
        monthStart = date.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
        nextMonthStart = date.plusMonths(1).atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    /** First non-loopback IPv4 address, else an IPv6 one, else 4 bytes derived from the clock. */
    private static byte[] localAddress() {
        byte[] v6 = null;
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nif.getInetAddresses())) {
                    if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                        continue;
                    }
                    if (address instanceof Inet4Address) {
                        return address.getAddress();
                    }
                    if (v6 == null) {
                        v6 = address.getAddress();
                    }
                }
            }
        } catch (SocketException | RuntimeException ignored) {
            // Fall through to a synthetic address: an id must still be produced without a network.
        }
        return v6 != null ? v6 : ByteBuffer.allocate(4).putInt((int) System.nanoTime()).array();
    }
}
