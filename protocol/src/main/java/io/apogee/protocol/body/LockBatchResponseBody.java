package io.apogee.protocol.body;

import io.apogee.common.message.MessageQueue;
import java.util.HashSet;
import java.util.Set;

/** Answer to LOCK_BATCH_MQ: the requested queues now locked by the caller. */
public class LockBatchResponseBody {
    private Set<MessageQueue> lockOKMQSet = new HashSet<>();

    public Set<MessageQueue> getLockOKMQSet() {
        return lockOKMQSet;
    }

    public void setLockOKMQSet(Set<MessageQueue> lockOKMQSet) {
        this.lockOKMQSet = lockOKMQSet;
    }
}
