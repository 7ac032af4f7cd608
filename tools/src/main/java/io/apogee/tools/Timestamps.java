package io.apogee.tools;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;

/** Time values as the official tool reads and prints them. */
public final class Timestamps {
    /** What -s/-b/-e accept besides milliseconds since the epoch, e.g. 2024-05-01#13:45:00:000. */
    public static final String INPUT_PATTERN = "yyyy-MM-dd#HH:mm:ss:SSS";

    private Timestamps() {
    }

    /** Milliseconds since the epoch, or a local time in {@link #INPUT_PATTERN}; "now" when {@code allowNow}. */
    public static long parse(String value, boolean allowNow) throws ToolException {
        String v = value.trim();
        if (allowNow && v.equals("now")) {
            return System.currentTimeMillis();
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException notMillis) {
            SimpleDateFormat format = new SimpleDateFormat(INPUT_PATTERN);
            format.setLenient(false);
            try {
                return format.parse(v).getTime();
            } catch (ParseException e) {
                throw new ToolException("bad timestamp '" + value + "': expected " + (allowNow ? "now, " : "")
                        + "milliseconds or " + INPUT_PATTERN);
            }
        }
    }

    /** 2024-05-01 13:45:00,123 (local time). */
    public static String human(long millis) {
        return new SimpleDateFormat("yyyy-MM-dd HH:mm:ss,SSS").format(new Date(millis));
    }

    /** 2024-05-01 13:45:00 (local time). */
    public static String seconds(long millis) {
        return new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date(millis));
    }
}
