package io.apogee.broker.transaction;

/**
 * When and how often unresolved half messages are checked with their producer. Defaults are
 * RocketMQ 5.x's: first check after 6 s, then every 30 s, at most 15 checks, and a half message
 * whose group has no producer online is waited for as long as the store keeps files (72 h).
 */
public record TransactionConfig(long transactionTimeOut, long transactionCheckInterval, int transactionCheckMax,
                                long producerWaitMax) {
    public static final TransactionConfig DEFAULT = new TransactionConfig(6_000, 30_000, 15, 72 * 3_600_000L);
}
