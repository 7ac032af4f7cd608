package io.apogee.common.message;

/**
 * A batch to store as consecutive messages of one queue. {@link #getBody()} is the batch send body
 * (message.md §6); the batch's own properties string is appended to every record's properties.
 */
public class MessageExtBatch extends MessageExtBrokerInner {
}
