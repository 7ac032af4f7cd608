package io.apogee.compat.apache;

/** {@link TransactionScenarios} against an Apache RocketMQ 5.2.0 name server and broker. */
class ApacheTransactionTest extends TransactionScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApacheCluster.namesrvAddr();
    }
}
