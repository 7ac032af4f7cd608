package io.apogee.broker.transaction;

import io.apogee.remoting.protocol.RemotingCommand;

/** Delivers a CHECK_TRANSACTION_STATE request to one live producer of a group. */
@FunctionalInterface
public interface TransactionCheckSender {

    /** False when no producer of {@code producerGroup} is connected. */
    boolean send(String producerGroup, RemotingCommand checkRequest);
}
