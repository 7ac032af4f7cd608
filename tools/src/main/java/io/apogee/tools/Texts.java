package io.apogee.tools;

/** Small formatting rules shared by the tables. */
public final class Texts {
    /** The ordinal of V4_0_0_SNAPSHOT in the official version enum; from there on every x.y.z has a SNAPSHOT and a release. */
    private static final int V4_0_0_SNAPSHOT = 212;

    private Texts() {
    }

    /** At most {@code max} characters, so a long name cannot shift the columns after it. */
    public static String clip(String s, int max) {
        return s != null && s.length() > max ? s.substring(0, max) : s;
    }

    /** A client's protocol version number as the official tool names it: 453 is V5_2_0. */
    public static String version(int ordinal) {
        if (ordinal < V4_0_0_SNAPSHOT) {
            return "V3(" + ordinal + ")";
        }
        int n = (ordinal - V4_0_0_SNAPSHOT) / 2;
        String name = "V" + (4 + n / 100) + "_" + (n / 10 % 10) + "_" + (n % 10);
        return (ordinal - V4_0_0_SNAPSHOT) % 2 == 0 ? name + "_SNAPSHOT" : name;
    }
}
