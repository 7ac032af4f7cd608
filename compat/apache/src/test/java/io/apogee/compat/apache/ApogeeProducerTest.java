package io.apogee.compat.apache;

/** {@link ProducerScenarios} against Apogee's own name server and broker. */
class ApogeeProducerTest extends ProducerScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApogeeServer.namesrvAddr();
    }
}
