package io.apogee.protocol;

/** Bits of a topic's sysFlag: "unit" topics and topics with unit subscriptions (Alibaba-internal routing). */
public final class TopicSysFlag {
    public static final int FLAG_UNIT = 0x1;
    public static final int FLAG_UNIT_SUB = 0x2;

    private TopicSysFlag() {
    }

    public static int build(boolean unit, boolean hasUnitSub) {
        return (unit ? FLAG_UNIT : 0) | (hasUnitSub ? FLAG_UNIT_SUB : 0);
    }

    public static boolean hasUnitFlag(int sysFlag) {
        return (sysFlag & FLAG_UNIT) != 0;
    }

    public static boolean hasUnitSubFlag(int sysFlag) {
        return (sysFlag & FLAG_UNIT_SUB) != 0;
    }
}
