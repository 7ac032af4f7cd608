package io.apogee.protocol.header;

/** UNLOCK_BATCH_MQ (42): rpc fields only (5.x); the queues are in the body. */
public class UnlockBatchMqRequestHeader extends RpcRequestHeader {
}
