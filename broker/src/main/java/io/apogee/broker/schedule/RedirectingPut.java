package io.apogee.broker.schedule;

import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.MessageStore;
import io.apogee.store.PutMessageResult;
import io.apogee.store.PutMessageStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The way into the store for messages from producers and consumers' send-backs: applies the
 * redirect rules in order (a half message first, then a delay level, then a timer), then stores.
 */
public final class RedirectingPut {
    private final MessageStore store;
    private final List<StoreRedirect> redirects;

    public RedirectingPut(MessageStore store, List<StoreRedirect> redirects) {
        this.store = store;
        this.redirects = List.copyOf(redirects);
    }

    public CompletableFuture<PutMessageResult> put(MessageExtBrokerInner msg) {
        for (StoreRedirect redirect : redirects) {
            String refusal = redirect.apply(msg);
            if (refusal != null) {
                return CompletableFuture.completedFuture(PutMessageResult.failure(PutMessageStatus.MESSAGE_ILLEGAL, refusal));
            }
        }
        return store.putMessage(msg);
    }

    public MessageStore store() {
        return store;
    }
}
