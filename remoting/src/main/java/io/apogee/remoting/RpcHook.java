package io.apogee.remoting;

import io.apogee.remoting.protocol.RemotingCommand;

/**
 * Runs around every call: a client hook signs requests (ACL's AccessKey/Signature ext fields),
 * a server hook checks them and may throw to reject the request.
 */
public interface RpcHook {
    void beforeRequest(String remoteAddr, RemotingCommand request) throws Exception;

    default void afterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
    }
}
