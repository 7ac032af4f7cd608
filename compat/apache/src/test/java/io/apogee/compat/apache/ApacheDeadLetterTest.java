package io.apogee.compat.apache;

/** {@link DeadLetterScenarios} against an Apache RocketMQ 5.2.0 name server and broker. */
class ApacheDeadLetterTest extends DeadLetterScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApacheCluster.namesrvAddr();
    }
}
