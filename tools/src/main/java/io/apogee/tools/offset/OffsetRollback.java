package io.apogee.tools.offset;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.OffsetWrapper;
import io.apogee.protocol.route.BrokerData;
import io.apogee.tools.Texts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Moves a group's offsets on a topic to a point in time by writing them on the brokers
 * (UPDATE_CONSUMER_OFFSET), for when no consumer of the group is online to be told. Without force,
 * an offset only moves back.
 */
final class OffsetRollback {
    private final DefaultMQAdminExt admin;

    OffsetRollback(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    record Row(MessageQueue mq, long brokerOffset, long consumerOffset, long timestampOffset, long resetOffset) {
    }

    record Result(List<Row> rows) {
        void print(PrintWriter out) {
            out.printf("%-20s  %-20s  %-20s  %-20s  %-20s  %-20s%n",
                    "#brokerName", "#queueId", "#brokerOffset", "#consumerOffset", "#timestampOffset", "#resetOffset");
            for (Row r : rows) {
                out.printf("%-20s  %-20d  %-20d  %-20d  %-20d  %-20d%n", Texts.clip(r.mq().getBrokerName(), 32), r.mq().getQueueId(),
                        r.brokerOffset(), r.consumerOffset(), r.timestampOffset(), r.resetOffset());
            }
        }
    }

    /** @param timestamp milliseconds, or -1 for the end of each queue */
    Result rollback(String group, String topic, long timestamp, boolean force) throws Exception {
        Map<String, String> masters = new HashMap<>();
        for (BrokerData bd : admin.examineTopicRouteInfo(topic).getBrokerDatas()) {
            masters.put(bd.getBrokerName(), bd.masterAddr());
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<MessageQueue, OffsetWrapper> e : new TreeMap<>(admin.examineConsumeStats(group, topic).getOffsetTable()).entrySet()) {
            MessageQueue mq = e.getKey();
            long current = e.getValue().getConsumerOffset();
            long target = timestamp == -1 ? admin.maxOffset(mq) : admin.searchOffset(mq, timestamp);
            long reset = current;
            String addr = masters.get(mq.getBrokerName());
            if (addr != null && (force || target <= current)) {
                admin.updateConsumeOffset(addr, group, mq, target);
                reset = target;
            }
            rows.add(new Row(mq, e.getValue().getBrokerOffset(), current, target, reset));
        }
        return new Result(rows);
    }
}
