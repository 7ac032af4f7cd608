package io.apogee.client.impl;

import io.apogee.remoting.exception.RemotingConnectException;
import io.apogee.remoting.exception.RemotingException;
import io.apogee.remoting.exception.RemotingSendRequestException;
import io.apogee.remoting.exception.RemotingTimeoutException;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.protocol.RemotingCommand;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sends name-server requests to one chosen name server and moves on to the next one of the list
 * when it cannot be reached, so a dead name server costs one failed attempt rather than every call.
 */
final class NameServerSelector {
    private final NettyRemotingClient remoting;
    private volatile List<String> addresses = List.of();
    private volatile int current;

    NameServerSelector(NettyRemotingClient remoting) {
        this.remoting = remoting;
    }

    void update(String namesrvAddr) {
        List<String> parsed = namesrvAddr == null ? List.of()
                : Arrays.stream(namesrvAddr.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (!parsed.equals(addresses)) {
            addresses = parsed;
            current = 0;
        }
    }

    List<String> addresses() {
        return addresses;
    }

    /** Tries each name server at most once, starting with the one that answered last. */
    RemotingCommand invoke(Supplier<RemotingCommand> request, long timeoutMillis) throws RemotingException, InterruptedException {
        List<String> list = addresses;
        if (list.isEmpty()) {
            throw new RemotingConnectException("no name server address configured (namesrvAddr)");
        }
        RemotingException last = null;
        int start = current;
        for (int i = 0; i < list.size(); i++) {
            int index = (start + i) % list.size();
            try {
                RemotingCommand response = remoting.invokeSync(list.get(index), request.get(), timeoutMillis);
                current = index;
                return response;
            } catch (RemotingConnectException | RemotingSendRequestException | RemotingTimeoutException e) {
                last = e;
            }
        }
        current = (start + 1) % list.size();
        throw last;
    }
}
