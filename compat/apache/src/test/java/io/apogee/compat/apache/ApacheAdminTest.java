package io.apogee.compat.apache;

/** {@link AdminScenarios} against an Apache RocketMQ 5.2.0 name server and broker. */
class ApacheAdminTest extends AdminScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApacheCluster.namesrvAddr();
    }
}
