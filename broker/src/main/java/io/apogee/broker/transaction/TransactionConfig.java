package io.apogee.broker.transaction;

/**
 * When and how often unresolved half messages are checked with their producer. Defaults are
 * RocketMQ 5.x's: first check after 6 s, then every 30 s, at most 15 checks.
 */
public record TransactionConfig(long transactionTimeOut, long transactionCheckInterval, int transactionCheckMax) {
    public static final TransactionConfig DEFAULT = new TransactionConfig(6_000, 30_000, 15);
}
