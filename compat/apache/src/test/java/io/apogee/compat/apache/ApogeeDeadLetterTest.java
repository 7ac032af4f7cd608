package io.apogee.compat.apache;

/** {@link DeadLetterScenarios} against Apogee's own name server and broker. */
class ApogeeDeadLetterTest extends DeadLetterScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApogeeServer.namesrvAddr();
    }
}
