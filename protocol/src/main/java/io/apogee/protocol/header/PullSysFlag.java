package io.apogee.protocol.header;

/** Bits of {@link PullMessageRequestHeader#getSysFlag()}. */
public final class PullSysFlag {
    /** Also store the request's commitOffset as the group's consumer offset. */
    public static final int COMMIT_OFFSET = 0x1;
    /** The broker may hold the request until a message arrives (long polling). */
    public static final int SUSPEND = 0x2;
    /** Use the subscription carried by the request instead of the heartbeat-registered one. */
    public static final int SUBSCRIPTION = 0x4;
    /** Legacy class filter. */
    public static final int CLASS_FILTER = 0x8;
    /** The request comes from a lite-pull consumer. */
    public static final int LITE_PULL = 0x10;

    private PullSysFlag() {
    }

    public static int build(boolean commitOffset, boolean suspend, boolean subscription, boolean classFilter, boolean litePull) {
        return (commitOffset ? COMMIT_OFFSET : 0) | (suspend ? SUSPEND : 0) | (subscription ? SUBSCRIPTION : 0)
                | (classFilter ? CLASS_FILTER : 0) | (litePull ? LITE_PULL : 0);
    }

    public static boolean hasCommitOffset(int sysFlag) {
        return (sysFlag & COMMIT_OFFSET) != 0;
    }

    public static boolean hasSuspend(int sysFlag) {
        return (sysFlag & SUSPEND) != 0;
    }

    public static boolean hasSubscription(int sysFlag) {
        return (sysFlag & SUBSCRIPTION) != 0;
    }

    public static boolean hasClassFilter(int sysFlag) {
        return (sysFlag & CLASS_FILTER) != 0;
    }

    public static boolean hasLitePull(int sysFlag) {
        return (sysFlag & LITE_PULL) != 0;
    }

    /** The flag with the commit bit cleared, as used when the request goes to a slave. */
    public static int clearCommitOffset(int sysFlag) {
        return sysFlag & ~COMMIT_OFFSET;
    }
}
