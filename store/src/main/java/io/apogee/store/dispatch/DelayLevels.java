package io.apogee.store.dispatch;

/** The delay of each level of {@code messageDelayLevel} ("1s 5s 10s 30s 1m ... 2h"). */
public final class DelayLevels {
    private final long[] millis;

    public DelayLevels(String spec) {
        String[] parts = spec.trim().split("\\s+");
        millis = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            long n = Long.parseLong(p.substring(0, p.length() - 1));
            millis[i] = n * switch (p.charAt(p.length() - 1)) {
                case 's' -> 1000L;
                case 'm' -> 60_000L;
                case 'h' -> 3_600_000L;
                case 'd' -> 86_400_000L;
                default -> throw new IllegalArgumentException("bad delay level " + p);
            };
        }
    }

    /** Levels above the maximum use the maximum; levels below 1 mean no delay. */
    public long delayMillis(int level) {
        if (level < 1) {
            return 0;
        }
        return millis[Math.min(level, millis.length) - 1];
    }
}
