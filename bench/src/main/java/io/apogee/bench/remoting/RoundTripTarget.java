package io.apogee.bench.remoting;

/** One remoting implementation under test: a server with an echo processor and a client calling it. */
public interface RoundTripTarget extends AutoCloseable {
    String name();

    /** One synchronous request/response with the configured body; throws if the call fails. */
    void roundTrip() throws Exception;

    @Override
    void close();
}
