package io.apogee.compat.apache;

/** {@link ScheduledScenarios} against an Apache RocketMQ 5.2.0 name server and broker. */
class ApacheScheduledTest extends ScheduledScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApacheCluster.namesrvAddr();
    }

    @Override
    protected long timerEarlinessMillis() {
        return ApacheRocketMQCluster.TIMER_PRECISION_MS;
    }
}
