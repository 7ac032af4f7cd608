package io.apogee.remoting.netty;

import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.RemotingResponseCode;
import io.netty.channel.Channel;
import io.netty.util.collection.IntObjectHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each incoming request to the processor registered for its code, on that processor's
 * executor, and writes the answer back: the processor's response, or one of the transport's own
 * error codes (not supported, busy, system error). Responses to oneway requests are dropped.
 */
final class RequestDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private record Registration(RequestProcessor processor, ExecutorService executor) {
    }

    private final RpcHooks hooks;
    private final ExecutorService fallbackExecutor;
    /** Copy-on-write: registrations are rare, lookups happen for every request. */
    private volatile IntObjectHashMap<Registration> byCode = new IntObjectHashMap<>();
    private volatile Registration defaultRegistration;

    RequestDispatcher(RpcHooks hooks, ExecutorService fallbackExecutor) {
        this.hooks = hooks;
        this.fallbackExecutor = fallbackExecutor;
    }

    synchronized void register(int code, RequestProcessor processor, ExecutorService executor) {
        IntObjectHashMap<Registration> copy = new IntObjectHashMap<>(byCode.size() + 1);
        copy.putAll(byCode);
        copy.put(code, new Registration(processor, executor != null ? executor : fallbackExecutor));
        byCode = copy;
    }

    void registerDefault(RequestProcessor processor, ExecutorService executor) {
        defaultRegistration = new Registration(processor, executor != null ? executor : fallbackExecutor);
    }

    /** Called on the IO thread; never blocks it. */
    void dispatch(Channel channel, RemotingCommand request) {
        int code = request.getCode();
        Registration registration = byCode.get(code);
        if (registration == null) {
            registration = defaultRegistration;
        }
        if (registration == null) {
            LOG.warn("request code {} from {} is not supported", code, RemotingAddress.remote(channel));
            reply(channel, request, RemotingCommand.responseTo(request, RemotingResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + code + " not supported"));
            return;
        }
        if (registration.processor().rejectRequest()) {
            reply(channel, request, RemotingCommand.responseTo(request, RemotingResponseCode.SYSTEM_BUSY,
                    "[REJECTREQUEST]system busy, start flow control for a while; the processor of request code "
                            + code + " refuses new work (its queue is full)"));
            return;
        }
        Registration chosen = registration;
        try {
            chosen.executor().execute(() -> process(chosen.processor(), channel, request));
        } catch (RejectedExecutionException e) {
            LOG.warn("executor for request code {} is full, answering SYSTEM_BUSY to {}", code, RemotingAddress.remote(channel));
            reply(channel, request, RemotingCommand.responseTo(request, RemotingResponseCode.SYSTEM_BUSY,
                    "[OVERLOAD]system busy, start flow control for a while; the executor of request code " + code + " is full"));
        }
    }

    private void process(RequestProcessor processor, Channel channel, RemotingCommand request) {
        String addr = RemotingAddress.remote(channel);
        CompletableFuture<RemotingCommand> result;
        try {
            hooks.beforeRequest(addr, request);
            result = processor.process(channel, request);
        } catch (Throwable t) {
            finish(channel, addr, request, null, t);
            return;
        }
        if (result == null) {
            return;
        }
        result.whenComplete((response, error) -> finish(channel, addr, request, response, error));
    }

    private void finish(Channel channel, String addr, RemotingCommand request, RemotingCommand response, Throwable error) {
        if (error != null) {
            Throwable cause = unwrap(error);
            LOG.warn("processing request code {} from {} failed", request.getCode(), addr, cause);
            response = RemotingCommand.responseTo(request, RemotingResponseCode.SYSTEM_ERROR, describe(cause));
        }
        if (response == null) {
            return;
        }
        hooks.afterResponse(addr, request, response);
        reply(channel, request, response);
    }

    private static void reply(Channel channel, RemotingCommand request, RemotingCommand response) {
        if (request.isOneway()) {
            CommandWriter.releaseBody(response);
            return;
        }
        response.setOpaque(request.getOpaque());
        response.markResponse();
        CommandWriter.writeAndFlush(channel, response).addListener(f -> {
            if (!f.isSuccess()) {
                LOG.warn("writing the response to request code {} (opaque {}) to {} failed", request.getCode(),
                        request.getOpaque(), RemotingAddress.remote(channel), f.cause());
            }
        });
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getName();
    }
}
