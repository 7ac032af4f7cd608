package io.apogee.compat.apache;

/** {@link LitePullScenarios} against Apogee's own name server and broker. */
class ApogeeLitePullTest extends LitePullScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApogeeServer.namesrvAddr();
    }
}
