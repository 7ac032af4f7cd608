package io.apogee.broker.longpolling;

import io.apogee.remoting.netty.NamedThreadFactory;
import io.apogee.store.MessageArrivingListener;
import io.apogee.store.MessageStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Long polling: pulls that found nothing wait here per (topic, queue). The store's dispatch thread
 * wakes those a new message satisfies; a periodic sweep wakes the ones whose queue grew without a
 * notification reaching them and answers the ones whose hold time is over.
 */
public class PullRequestHoldService implements MessageArrivingListener {
    private final MessageStore store;
    private final PullRequestReplayer replayer;
    private final long sweepIntervalMillis;
    private final ConcurrentMap<QueueKey, List<PullRequest>> parked = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper =
            Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("PullRequestHoldSweeper"));

    public PullRequestHoldService(MessageStore store, PullRequestReplayer replayer, long sweepIntervalMillis) {
        this.store = store;
        this.replayer = replayer;
        this.sweepIntervalMillis = sweepIntervalMillis;
    }

    public void start() {
        sweeper.scheduleWithFixedDelay(this::sweep, sweepIntervalMillis, sweepIntervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Answers every parked pull (as timed out) so clients are not left waiting on a stopping broker. */
    public void shutdown() {
        sweeper.shutdownNow();
        parked.forEach((key, requests) -> drain(requests).forEach(r -> replayer.replay(r, true)));
    }

    /**
     * What pulls are parked under. A record rather than a "topic@queue" string: the dispatch thread
     * looks one up for every message it dispatches, and building a string each time showed up in its
     * profile (allocation and CPU) with nothing parked at all.
     */
    private record QueueKey(String topic, int queueId) {
    }

    private static QueueKey key(String topic, int queueId) {
        return new QueueKey(topic, queueId);
    }

    public void suspend(PullRequest request) {
        List<PullRequest> requests = parked.computeIfAbsent(key(request.topic(), request.queueId()), k -> new ArrayList<>());
        synchronized (requests) {
            requests.add(request);
        }
        // A message dispatched between the failed read and the add above notified nobody: look again.
        if (store.getMaxOffsetInQueue(request.topic(), request.queueId()) > request.pullFromOffset()) {
            wake(request.topic(), request.queueId(), r -> true);
        }
    }

    @Override
    public void arriving(String topic, int queueId, long logicOffset, long tagsCode, long storeTimestamp,
                         Map<String, String> properties) {
        wake(topic, queueId, r -> r.pullFromOffset() <= logicOffset && r.filter().isMatchedByConsumeQueue(tagsCode));
    }

    private void wake(String topic, int queueId, Predicate<PullRequest> ready) {
        List<PullRequest> requests = parked.get(key(topic, queueId));
        if (requests == null) {
            return;
        }
        List<PullRequest> woken = new ArrayList<>();
        synchronized (requests) {
            for (Iterator<PullRequest> it = requests.iterator(); it.hasNext(); ) {
                PullRequest r = it.next();
                if (ready.test(r)) {
                    it.remove();
                    woken.add(r);
                }
            }
        }
        woken.forEach(r -> replayer.replay(r, false));
    }

    void sweep() {
        long now = System.currentTimeMillis();
        parked.forEach((key, requests) -> {
            List<PullRequest> due = new ArrayList<>();
            List<PullRequest> expired = new ArrayList<>();
            synchronized (requests) {
                if (requests.isEmpty()) {
                    return;
                }
                PullRequest first = requests.get(0);
                long maxOffset = store.getMaxOffsetInQueue(first.topic(), first.queueId());
                for (Iterator<PullRequest> it = requests.iterator(); it.hasNext(); ) {
                    PullRequest r = it.next();
                    if (r.pullFromOffset() < maxOffset) {
                        it.remove();
                        due.add(r);
                    } else if (r.expired(now)) {
                        it.remove();
                        expired.add(r);
                    }
                }
            }
            due.forEach(r -> replayer.replay(r, false));
            expired.forEach(r -> replayer.replay(r, true));
        });
    }

    private static List<PullRequest> drain(List<PullRequest> requests) {
        synchronized (requests) {
            List<PullRequest> all = new ArrayList<>(requests);
            requests.clear();
            return all;
        }
    }

    /** How many pulls wait on this queue now (a test knows a consumer is idle and waiting). */
    public int parkedCount(String topic, int queueId) {
        List<PullRequest> requests = parked.get(key(topic, queueId));
        if (requests == null) {
            return 0;
        }
        synchronized (requests) {
            return requests.size();
        }
    }
}
