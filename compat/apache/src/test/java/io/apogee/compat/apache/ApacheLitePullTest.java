package io.apogee.compat.apache;

/** {@link LitePullScenarios} against an Apache RocketMQ 5.2.0 name server and broker. */
class ApacheLitePullTest extends LitePullScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApacheCluster.namesrvAddr();
    }
}
