package io.apogee.remoting.netty;

import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request waiting for its response. It completes exactly once (response, send failure, close or
 * expiry) and gives its semaphore permit back at that moment. Async calls complete on a callback
 * executor so user continuations never run on (and never block) an IO thread.
 */
final class PendingCall {
    private final RemotingCommand request;
    private final Channel channel;
    private final String remoteAddr;
    private final long deadlineNanos;
    private final Semaphore permit;
    private final Executor completionExecutor;
    private final RpcHooks hooks;
    private final AtomicBoolean done = new AtomicBoolean();
    private final CompletableFuture<RemotingCommand> future = new CompletableFuture<>();

    PendingCall(RemotingCommand request, Channel channel, String remoteAddr, long timeoutMillis,
                Semaphore permit, Executor completionExecutor, RpcHooks hooks) {
        this.request = request;
        this.channel = channel;
        this.remoteAddr = remoteAddr;
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
        this.permit = permit;
        this.completionExecutor = completionExecutor;
        this.hooks = hooks;
    }

    int opaque() {
        return request.getOpaque();
    }

    Channel channel() {
        return channel;
    }

    String remoteAddr() {
        return remoteAddr;
    }

    boolean expiredAt(long nowNanos) {
        return nowNanos - deadlineNanos > 0;
    }

    CompletableFuture<RemotingCommand> future() {
        return future;
    }

    void complete(RemotingCommand response) {
        if (done.compareAndSet(false, true)) {
            releasePermit();
            hooks.afterResponse(remoteAddr, request, response);
            deliver(() -> future.complete(response));
        }
    }

    void fail(Throwable cause) {
        if (done.compareAndSet(false, true)) {
            releasePermit();
            deliver(() -> future.completeExceptionally(cause));
        }
    }

    private void releasePermit() {
        if (permit != null) {
            permit.release();
        }
    }

    private void deliver(Runnable completion) {
        if (completionExecutor == null) {
            completion.run();
            return;
        }
        try {
            completionExecutor.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }
}
