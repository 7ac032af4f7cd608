package io.apogee.broker.filter;

import io.apogee.store.MessageFilter;
import io.apogee.store.StoredRecords;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Filters a SQL92 subscription: every consume-queue entry passes the tag-code check (the tag code
 * says nothing about other properties), then the expression is evaluated over the stored record's
 * properties.
 */
public final class Sql92MessageFilter implements MessageFilter {
    private final Sql92Expression expression;

    public Sql92MessageFilter(Sql92Expression expression) {
        this.expression = expression;
    }

    @Override
    public boolean isMatchedByConsumeQueue(long tagsCode) {
        return true;
    }

    @Override
    public boolean isMatchedByCommitLog(ByteBuffer record, Map<String, String> properties) {
        Map<String, String> props = properties != null ? properties : StoredRecords.properties(record);
        return expression.matches(props);
    }
}
