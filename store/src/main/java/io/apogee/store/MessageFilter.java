package io.apogee.store;

import java.nio.ByteBuffer;
import java.util.Map;

/** Decides during {@link MessageStore#getMessage} which messages a consumer gets. */
public interface MessageFilter {
    /** Accepts everything. */
    MessageFilter ALL = new MessageFilter() {
        @Override
        public boolean isMatchedByConsumeQueue(long tagsCode) {
            return true;
        }

        @Override
        public boolean isMatchedByCommitLog(ByteBuffer record, Map<String, String> properties) {
            return true;
        }
    };

    /** First, cheap check on the consume-queue tag code (message.md §8). */
    boolean isMatchedByConsumeQueue(long tagsCode);

    /**
     * Second check on the stored record (read-only, positioned at its start). {@code properties}
     * is null when the store has not decoded them; use {@link StoredRecords#properties} then.
     */
    boolean isMatchedByCommitLog(ByteBuffer record, Map<String, String> properties);
}
