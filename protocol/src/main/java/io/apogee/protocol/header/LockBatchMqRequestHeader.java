package io.apogee.protocol.header;

/** LOCK_BATCH_MQ (41): rpc fields only (5.x); the queues are in the body. */
public class LockBatchMqRequestHeader extends RpcRequestHeader {
}
