package io.apogee.remoting.netty;

import io.apogee.remoting.exception.RemotingException;
import io.apogee.remoting.exception.RemotingSendRequestException;
import io.apogee.remoting.exception.RemotingTimeoutException;
import io.apogee.remoting.exception.RemotingTooMuchRequestException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends requests over a given channel in the three RocketMQ styles: sync, async and oneway. */
final class RemotingInvoker {
    private final ResponseTable responses;
    private final RpcHooks hooks;
    private final BoundedPermits asyncPermits;
    private final BoundedPermits onewayPermits;
    private final Executor callbackExecutor;

    RemotingInvoker(ResponseTable responses, RpcHooks hooks, BoundedPermits asyncPermits,
                    BoundedPermits onewayPermits, Executor callbackExecutor) {
        this.responses = responses;
        this.hooks = hooks;
        this.asyncPermits = asyncPermits;
        this.onewayPermits = onewayPermits;
        this.callbackExecutor = callbackExecutor;
    }

    RemotingCommand invokeSync(Channel channel, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException {
        String addr = RemotingAddress.remote(channel);
        runBeforeHooks(addr, request);
        PendingCall call = send(channel, addr, request, timeoutMillis, null, null);
        try {
            return call.future().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            responses.remove(call.opaque());
            call.fail(e);
            throw new RemotingTimeoutException(addr, timeoutMillis);
        } catch (ExecutionException e) {
            throw asRemotingException(e.getCause(), addr);
        }
    }

    CompletableFuture<RemotingCommand> invokeAsync(Channel channel, RemotingCommand request, long timeoutMillis) {
        String addr = RemotingAddress.remote(channel);
        Semaphore permit;
        try {
            runBeforeHooks(addr, request);
            permit = asyncPermits.acquire(channel, timeoutMillis);
        } catch (RemotingException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new RemotingSendRequestException(addr, e));
        }
        return send(channel, addr, request, timeoutMillis, permit, callbackExecutor).future();
    }

    void invokeOneway(Channel channel, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException {
        String addr = RemotingAddress.remote(channel);
        request.markOneway();
        runBeforeHooks(addr, request);
        Semaphore permit = onewayPermits.acquire(channel, timeoutMillis);
        CommandWriter.writeAndFlush(channel, request).addListener(f -> permit.release());
    }

    private PendingCall send(Channel channel, String addr, RemotingCommand request, long timeoutMillis,
                             Semaphore permit, Executor completionExecutor) {
        PendingCall call = new PendingCall(request, channel, addr, timeoutMillis, permit, completionExecutor, hooks);
        responses.add(call);
        CommandWriter.writeAndFlush(channel, request).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                responses.remove(call.opaque());
                call.fail(new RemotingSendRequestException(addr, f.cause()));
            }
        });
        return call;
    }

    private void runBeforeHooks(String addr, RemotingCommand request) throws RemotingException {
        try {
            hooks.beforeRequest(addr, request);
        } catch (RemotingException e) {
            throw e;
        } catch (Exception e) {
            throw new RemotingException("rpc hook rejected the request to " + addr + ": " + e.getMessage(), e);
        }
    }

    private static RemotingException asRemotingException(Throwable cause, String addr) {
        if (cause instanceof RemotingException re) {
            return re;
        }
        return new RemotingSendRequestException(addr, cause);
    }

    /** A semaphore that names its configuration property when it runs dry. */
    static final class BoundedPermits {
        private final Semaphore semaphore;
        private final int capacity;
        private final String propertyName;

        BoundedPermits(int capacity, String propertyName) {
            this.semaphore = new Semaphore(capacity, false);
            this.capacity = capacity;
            this.propertyName = propertyName;
        }

        /** Waits at most the call's timeout, but never on an IO thread. */
        Semaphore acquire(Channel channel, long timeoutMillis) throws RemotingTooMuchRequestException, InterruptedException {
            boolean acquired = channel.eventLoop().inEventLoop()
                    ? semaphore.tryAcquire()
                    : semaphore.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
            if (!acquired) {
                throw new RemotingTooMuchRequestException("too many requests in flight: all " + capacity + " permits of "
                        + propertyName + " are taken (waited " + timeoutMillis + " ms)");
            }
            return semaphore;
        }
    }
}
