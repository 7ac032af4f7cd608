package io.apogee.protocol.header;

/** HEART_BEAT (34): 5.x sends only the rpc fields, 4.9 no header at all; the data is the HeartbeatData body. */
public class HeartbeatRequestHeader extends RpcRequestHeader {
}
