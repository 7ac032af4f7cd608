package io.apogee.broker.transaction;

import io.apogee.remoting.protocol.RemotingCommand;
import java.util.function.Consumer;

/** Finds a live producer of a group to deliver a CHECK_TRANSACTION_STATE request to. */
@FunctionalInterface
public interface TransactionCheckSender {

    /** Sends a check request to one connected producer of {@code producerGroup}; null when none is connected. */
    Consumer<RemotingCommand> producerOf(String producerGroup);
}
