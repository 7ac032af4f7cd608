package io.apogee.broker.schedule;

import java.util.Arrays;
import java.util.Locale;

/**
 * The delay of each level, parsed from {@code messageDelayLevel} ("1s 5s 10s 30s 1m ... 2h"):
 * level 1 is the first entry. Units: ms, s, m, h, d.
 */
public final class DelayLevels {
    public static final String DEFAULT = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";

    private final long[] millis;

    private DelayLevels(long[] millis) {
        this.millis = millis;
    }

    public static DelayLevels parse(String spec) {
        String[] parts = spec.trim().split("\\s+");
        long[] millis = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            millis[i] = parseOne(parts[i].toLowerCase(Locale.ROOT));
        }
        return new DelayLevels(millis);
    }

    private static long parseOne(String part) {
        int split = part.length();
        while (split > 0 && !Character.isDigit(part.charAt(split - 1))) {
            split--;
        }
        long amount;
        try {
            amount = Long.parseLong(part.substring(0, split));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad delay level '" + part + "', expected e.g. 500ms, 5s, 2m, 1h or 1d");
        }
        long unit = switch (part.substring(split)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> throw new IllegalArgumentException("bad delay level unit in '" + part + "', expected ms, s, m, h or d");
        };
        return amount * unit;
    }

    public int maxLevel() {
        return millis.length;
    }

    /** Levels above the highest are treated as the highest. */
    public int cap(int level) {
        return Math.min(level, millis.length);
    }

    /** Delay of {@code level} (1-based, already capped). */
    public long delayMillis(int level) {
        return millis[level - 1];
    }

    @Override
    public String toString() {
        return Arrays.toString(millis);
    }
}
