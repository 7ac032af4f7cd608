package io.apogee.tools.cluster;

import io.apogee.client.admin.DefaultMQAdminExt;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker's runtime statistics (GET_BROKER_RUNTIME_INFO) read leniently: a broker that does not
 * answer, or lacks a key, still gets its row in the cluster table, with zeros.
 */
final class RuntimeStats {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeStats.class);
    private final Map<String, String> table;

    private RuntimeStats(Map<String, String> table) {
        this.table = table;
    }

    static RuntimeStats fetch(DefaultMQAdminExt admin, String addr) {
        try {
            return new RuntimeStats(admin.fetchBrokerRuntimeStats(addr).getTable());
        } catch (Exception e) {
            LOG.warn("no runtime stats from {}: {}", addr, e.toString());
            return new RuntimeStats(Map.of());
        }
    }

    String text(String key, String missing) {
        String value = table.get(key);
        return value == null ? missing : value;
    }

    long number(String key) {
        return parse(text(key, "0"), Long::parseLong, 0L);
    }

    double decimal(String key) {
        return parse(text(key, "0"), Double::parseDouble, 0.0);
    }

    /** TPS values come as "last-10s last-1min last-10min"; the tables show the first. */
    double firstTps(String key) {
        return parse(text(key, "0").trim().split(" ")[0], Double::parseDouble, 0.0);
    }

    private static <T> T parse(String value, Function<String, T> parser, T fallback) {
        try {
            return parser.apply(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    double hoursSinceEarliestMessage() {
        long earliest = number("earliestMessageTimeStamp");
        return earliest <= 0 ? 0 : (System.currentTimeMillis() - earliest) / 3_600_000.0;
    }
}
