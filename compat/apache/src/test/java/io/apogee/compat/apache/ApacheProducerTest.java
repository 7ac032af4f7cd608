package io.apogee.compat.apache;

/** {@link ProducerScenarios} against an Apache RocketMQ 5.2.0 name server and broker. */
class ApacheProducerTest extends ProducerScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApacheCluster.namesrvAddr();
    }
}
