package io.apogee.bench.workload;

import java.util.StringJoiner;

/** The tags benchmark messages carry when asked to, so that the broker's tag filter has work. */
public final class Tags {
    public static final int COUNT = 8;
    private static final String[] NAMES = new String[COUNT];

    static {
        for (int i = 0; i < COUNT; i++) {
            NAMES[i] = "tag" + i;
        }
    }

    private Tags() {
    }

    /** The tag of the {@code sequence}-th message: the tags take turns. */
    public static String of(long sequence) {
        return NAMES[(int) Math.floorMod(sequence, (long) COUNT)];
    }

    /** An expression matching every tag {@link #of} hands out, so a filtering consumer still gets all. */
    public static String allExpression() {
        StringJoiner joiner = new StringJoiner(" || ");
        for (int i = 0; i < COUNT; i++) {
            joiner.add(of(i));
        }
        return joiner.toString();
    }
}
