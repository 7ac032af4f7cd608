package io.apogee.broker.filter;

/**
 * A SQL92 filter expression that cannot be compiled. The message names the position (0-based
 * character index) and what was expected, so a consumer can fix its selector from the broker's
 * SUBSCRIPTION_PARSE_FAILED remark alone.
 */
public final class SqlParseException extends Exception {
    private final int position;

    public SqlParseException(int position, String reason) {
        super("invalid SQL92 expression at position " + position + ": " + reason);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
