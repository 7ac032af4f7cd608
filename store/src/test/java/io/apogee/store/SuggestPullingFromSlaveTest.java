package io.apogee.store;

import static io.apogee.store.StoreTestSupport.message;
import static io.apogee.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A read is "too far behind" when it ends more than accessMessageInMemoryMaxRatio of memory before the log's end. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SuggestPullingFromSlaveTest {
    @TempDir
    Path dir;

    private static boolean suggested(MessageStore store, long offset) {
        GetMessageResult r = store.getMessage("g", "S", 0, offset, 1, Integer.MAX_VALUE, MessageFilter.ALL);
        try {
            assertThat(r.getStatus()).isEqualTo(GetMessageStatus.FOUND);
            return r.isSuggestPullingFromSlave();
        } finally {
            r.release();
        }
    }

    @Test
    void onlyReadsBehindTheInMemoryWindowAreSentToTheSlave() throws Exception {
        MessageStoreConfig lagIntolerant = smallConfig(dir.resolve("zero"));
        lagIntolerant.setAccessMessageInMemoryMaxRatio(0);
        MessageStoreConfig usual = smallConfig(dir.resolve("usual"));
        for (MessageStoreConfig config : new MessageStoreConfig[] {lagIntolerant, usual}) {
            DefaultMessageStore store = new DefaultMessageStore(config);
            store.start();
            try {
                store.putMessage(message("S", 0, new byte[100])).get();
                store.putMessage(message("S", 0, new byte[100])).get();
                await().until(() -> store.getMaxOffsetInQueue("S", 0) == 2);
                assertThat(suggested(store, 0)).isEqualTo(config == lagIntolerant);
                assertThat(suggested(store, 1)).isFalse();
            } finally {
                store.shutdown();
            }
        }
    }
}
