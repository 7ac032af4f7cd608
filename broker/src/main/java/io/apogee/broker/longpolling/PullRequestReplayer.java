package io.apogee.broker.longpolling;

/** Re-executes a parked pull (on a pull thread) and completes its response future. */
@FunctionalInterface
public interface PullRequestReplayer {
    /** @param timedOut true when the hold time ended: the pull is answered whatever it finds. */
    void replay(PullRequest request, boolean timedOut);
}
