package io.apogee.compat.apache;

/** {@link PushConsumerScenarios} against an Apache RocketMQ 5.2.0 name server and broker. */
class ApachePushConsumerTest extends PushConsumerScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApacheCluster.namesrvAddr();
    }
}
