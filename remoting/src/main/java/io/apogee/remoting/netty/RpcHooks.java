package io.apogee.remoting.netty;

import io.apogee.remoting.RpcHook;
import io.apogee.remoting.protocol.RemotingCommand;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The hooks of one server or client, run in registration order. */
final class RpcHooks {
    private static final Logger LOG = LoggerFactory.getLogger(RpcHooks.class);
    private final List<RpcHook> hooks = new CopyOnWriteArrayList<>();

    void add(RpcHook hook) {
        hooks.add(hook);
    }

    /** A hook that throws vetoes the request; the caller decides how the veto is reported. */
    void beforeRequest(String remoteAddr, RemotingCommand request) throws Exception {
        for (RpcHook hook : hooks) {
            hook.beforeRequest(remoteAddr, request);
        }
    }

    /** A failing after-hook must not lose the response, so it is only logged. */
    void afterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
        for (RpcHook hook : hooks) {
            try {
                hook.afterResponse(remoteAddr, request, response);
            } catch (RuntimeException e) {
                LOG.warn("rpc hook {} failed after response from {}", hook, remoteAddr, e);
            }
        }
    }
}
