package io.apogee.compat.apache;

/** {@link ScheduledScenarios} against Apogee's own name server and broker. */
class ApogeeScheduledTest extends ScheduledScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApogeeServer.namesrvAddr();
    }

    @Override
    protected long timerEarlinessMillis() {
        return 0;
    }
}
