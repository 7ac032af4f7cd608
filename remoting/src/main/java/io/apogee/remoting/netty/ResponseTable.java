package io.apogee.remoting.netty;

import io.apogee.remoting.exception.RemotingSendRequestException;
import io.apogee.remoting.exception.RemotingTimeoutException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.nio.channels.ClosedChannelException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls awaiting a response, by opaque. Responses, closed channels and the expiry scan take calls out. */
final class ResponseTable {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseTable.class);
    private final Map<Integer, PendingCall> calls = new ConcurrentHashMap<>();

    void add(PendingCall call) {
        calls.put(call.opaque(), call);
    }

    PendingCall remove(int opaque) {
        return calls.remove(opaque);
    }

    void onResponse(Channel channel, RemotingCommand response) {
        PendingCall call = calls.remove(response.getOpaque());
        if (call == null) {
            LOG.warn("dropping response from {} with opaque {}: no call waits for it (timed out?)",
                    RemotingAddress.remote(channel), response.getOpaque());
            return;
        }
        call.complete(response);
    }

    /** A closed connection will never answer: its callers learn now instead of at their timeout. */
    void failCallsOn(Channel channel) {
        for (Iterator<PendingCall> it = calls.values().iterator(); it.hasNext(); ) {
            PendingCall call = it.next();
            if (call.channel() == channel) {
                it.remove();
                call.fail(new RemotingSendRequestException(call.remoteAddr(), new ClosedChannelException()));
            }
        }
    }

    void expire(long nowNanos) {
        for (Iterator<PendingCall> it = calls.values().iterator(); it.hasNext(); ) {
            PendingCall call = it.next();
            if (call.expiredAt(nowNanos)) {
                it.remove();
                call.fail(new RemotingTimeoutException("no response from " + call.remoteAddr()
                        + " for request opaque " + call.opaque() + " before its deadline"));
            }
        }
    }

    void failAll(Throwable cause) {
        for (Iterator<PendingCall> it = calls.values().iterator(); it.hasNext(); ) {
            PendingCall call = it.next();
            it.remove();
            call.fail(cause);
        }
    }
}
