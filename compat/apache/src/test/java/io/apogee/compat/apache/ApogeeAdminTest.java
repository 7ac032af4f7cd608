package io.apogee.compat.apache;

/** {@link AdminScenarios} against Apogee's own name server and broker. */
class ApogeeAdminTest extends AdminScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApogeeServer.namesrvAddr();
    }
}
