package io.apogee.spring.support;

/**
 * Where a template sends: {@code "topic"} or {@code "topic:tags"}, split at the first colon.
 *
 * @param topic the topic
 * @param tags  the tag, or {@code null} when the destination names none
 */
public record Destination(String topic, String tags) {
    /** Splits {@code topic[:tags]}. */
    public static Destination parse(String destination) {
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("destination must be 'topic' or 'topic:tags', got '" + destination + "'");
        }
        int colon = destination.indexOf(':');
        if (colon < 0) {
            return new Destination(destination, null);
        }
        String tags = destination.substring(colon + 1);
        return new Destination(destination.substring(0, colon), tags.isEmpty() ? null : tags);
    }
}
