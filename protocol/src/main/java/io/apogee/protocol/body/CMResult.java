package io.apogee.protocol.body;

/** Outcome of CONSUME_MESSAGE_DIRECTLY as reported by the client. */
public enum CMResult {
    CR_SUCCESS,
    CR_LATER,
    CR_ROLLBACK,
    CR_COMMIT,
    CR_THROW_EXCEPTION,
    CR_RETURN_NULL
}
