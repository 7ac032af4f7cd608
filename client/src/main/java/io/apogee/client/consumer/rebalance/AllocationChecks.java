package io.apogee.client.consumer.rebalance;

import io.apogee.common.message.MessageQueue;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Argument checks shared by the strategies: whether there is anything to allocate to this consumer. */
final class AllocationChecks {
    private static final Logger LOG = LoggerFactory.getLogger(AllocationChecks.class);

    private AllocationChecks() {
    }

    static boolean canAllocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        if (currentCID == null || currentCID.isEmpty()) {
            throw new IllegalArgumentException("currentCID is empty");
        }
        if (mqAll == null || mqAll.isEmpty() || cidAll == null || cidAll.isEmpty()) {
            return false;
        }
        if (!cidAll.contains(currentCID)) {
            // The broker does not list us yet (heartbeat still on its way): take nothing this round.
            LOG.info("[{}] consumer {} is not in the group's consumer list {}", consumerGroup, currentCID, cidAll);
            return false;
        }
        return true;
    }
}
