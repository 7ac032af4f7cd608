package io.apogee.protocol;

/** Permission bits of a topic's queues (and of a whole broker). Read = subscribable, write = publishable. */
public final class PermName {
    public static final int PERM_PRIORITY = 0x8;
    public static final int PERM_READ = 0x4;
    public static final int PERM_WRITE = 0x2;
    /** The topic may serve as the template for auto-created topics. */
    public static final int PERM_INHERIT = 0x1;
    public static final int READ_WRITE = PERM_READ | PERM_WRITE;

    private PermName() {
    }

    public static boolean isReadable(int perm) {
        return (perm & PERM_READ) == PERM_READ;
    }

    public static boolean isWriteable(int perm) {
        return (perm & PERM_WRITE) == PERM_WRITE;
    }

    public static boolean isInherited(int perm) {
        return (perm & PERM_INHERIT) == PERM_INHERIT;
    }

    /** "RWX" style text as mqadmin prints it: R, W and X (inherit) or '-'. */
    public static String toText(int perm) {
        return (isReadable(perm) ? "R" : "-") + (isWriteable(perm) ? "W" : "-") + (isInherited(perm) ? "X" : "-");
    }
}
