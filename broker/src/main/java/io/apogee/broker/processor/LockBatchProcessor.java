package io.apogee.broker.processor;

import io.apogee.broker.client.RebalanceLockManager;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.LockBatchRequestBody;
import io.apogee.protocol.body.LockBatchResponseBody;
import io.apogee.protocol.body.UnlockBatchRequestBody;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;

/** LOCK_BATCH_MQ and UNLOCK_BATCH_MQ for orderly consumers. This broker only knows its own queues, so onlyThisBroker changes nothing. */
public class LockBatchProcessor implements SyncProcessor {
    private final RebalanceLockManager lockManager;

    public LockBatchProcessor(RebalanceLockManager lockManager) {
        this.lockManager = lockManager;
    }

    @Override
    public RemotingCommand handle(Channel channel, RemotingCommand request) throws Exception {
        if (request.getCode() == RequestCode.LOCK_BATCH_MQ) {
            LockBatchRequestBody body = Responses.body(request, LockBatchRequestBody.class);
            LockBatchResponseBody response = new LockBatchResponseBody();
            response.setLockOKMQSet(lockManager.tryLockBatch(body.getConsumerGroup(), body.getMqSet(), body.getClientId()));
            return Responses.json(request, response);
        }
        if (request.getCode() == RequestCode.UNLOCK_BATCH_MQ) {
            UnlockBatchRequestBody body = Responses.body(request, UnlockBatchRequestBody.class);
            lockManager.unlockBatch(body.getConsumerGroup(), body.getMqSet(), body.getClientId());
            return Responses.success(request);
        }
        return Responses.error(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "request code " + request.getCode() + " not supported");
    }
}
