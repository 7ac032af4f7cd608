package io.apogee.remoting.header;

/**
 * A typed view of a command's extFields. Implementations are plain classes whose field names are
 * the wire keys; {@link io.apogee.remoting.header.CustomHeaderCodec} maps them to and from strings.
 * Fields marked {@link Required} must be present on decode.
 */
public interface CommandCustomHeader {
    /** Extra semantic checks after decoding; throw with a message naming the bad field. */
    default void validate() throws RemotingCommandException {
    }
}
