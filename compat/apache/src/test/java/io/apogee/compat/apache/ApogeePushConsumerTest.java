package io.apogee.compat.apache;

/** {@link PushConsumerScenarios} against Apogee's own name server and broker. */
class ApogeePushConsumerTest extends PushConsumerScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApogeeServer.namesrvAddr();
    }
}
