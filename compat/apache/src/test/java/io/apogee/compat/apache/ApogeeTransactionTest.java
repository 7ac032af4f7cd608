package io.apogee.compat.apache;

/** {@link TransactionScenarios} against Apogee's own name server and broker. */
class ApogeeTransactionTest extends TransactionScenarios {
    @Override
    protected String namesrvAddr() {
        return SharedApogeeServer.namesrvAddr();
    }
}
