package io.apogee.tools.message;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.ConsumeType;
import io.apogee.protocol.body.ConsumerConnection;
import io.apogee.protocol.body.MessageModel;
import io.apogee.protocol.body.OffsetWrapper;
import io.apogee.protocol.body.SubscriptionData;
import io.apogee.tools.ErrorText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Whether each group that consumes a message's topic has consumed that message, judged as the
 * official tool does: by the group's committed offset on the message's queue.
 */
final class MessageTracks {
    enum TrackType { CONSUMED, CONSUMED_BUT_FILTERED, PULL, NOT_CONSUME_YET, NOT_ONLINE, CONSUME_BROADCASTING, UNKNOWN }

    record Track(String consumerGroup, TrackType trackType, String exceptionDesc) {
        @Override
        public String toString() {
            return "MessageTrack [consumerGroup=" + consumerGroup + ", trackType=" + trackType + ", exceptionDesc=" + exceptionDesc + "]";
        }
    }

    private final DefaultMQAdminExt admin;

    MessageTracks(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    /** The tracks after a message card, as the official tool prints them; a lookup failure is one warning line. */
    void print(PrintWriter out, MessageExt msg, String brokerName) {
        List<Track> tracks;
        try {
            tracks = of(msg, brokerName);
        } catch (Exception e) {
            out.printf("%nWARN: no consumer tracks: %s%n", ErrorText.describe(e));
            return;
        }
        out.println();
        if (tracks.isEmpty()) {
            out.println("WARN: No Consumer");
        }
        tracks.forEach(out::println);
    }

    /** One track per group of the topic; {@code brokerName} is the broker that stored the message. */
    List<Track> of(MessageExt msg, String brokerName) throws Exception {
        List<Track> tracks = new ArrayList<>();
        for (String group : new TreeSet<>(admin.queryTopicConsumeByWho(msg.getTopic()).getGroupList())) {
            tracks.add(track(msg, brokerName, group));
        }
        return tracks;
    }

    private Track track(MessageExt msg, String brokerName, String group) {
        ConsumerConnection cc;
        try {
            cc = admin.examineConsumerConnectionInfo(group);
        } catch (MQBrokerException e) {
            TrackType type = e.getResponseCode() == ResponseCode.CONSUMER_NOT_ONLINE ? TrackType.NOT_ONLINE : TrackType.UNKNOWN;
            return new Track(group, type, "CODE:" + e.getResponseCode() + " DESC:" + e.getErrorMessage());
        } catch (MQClientException e) {
            // No retry topic: no consumer of the group ever connected, so none is online.
            TrackType type = e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST ? TrackType.NOT_ONLINE : TrackType.UNKNOWN;
            return new Track(group, type, ErrorText.describe(e));
        } catch (Exception e) {
            return new Track(group, TrackType.UNKNOWN, ErrorText.describe(e));
        }
        if (cc.getConsumeType() == ConsumeType.CONSUME_ACTIVELY) {
            return new Track(group, TrackType.PULL, null);
        }
        if (cc.getMessageModel() == MessageModel.BROADCASTING) {
            return new Track(group, TrackType.CONSUME_BROADCASTING, null);
        }
        try {
            OffsetWrapper offsets = admin.examineConsumeStats(group, msg.getTopic()).getOffsetTable()
                    .get(new MessageQueue(msg.getTopic(), brokerName, msg.getQueueId()));
            if (offsets == null || offsets.getConsumerOffset() <= msg.getQueueOffset()) {
                return new Track(group, TrackType.NOT_CONSUME_YET, null);
            }
        } catch (Exception e) {
            return new Track(group, TrackType.UNKNOWN, ErrorText.describe(e));
        }
        SubscriptionData sub = cc.getSubscriptionTable().get(msg.getTopic());
        boolean filtered = sub != null && !sub.getTagsSet().isEmpty() && !sub.getTagsSet().contains(SubscriptionData.SUB_ALL)
                && !sub.getTagsSet().contains(msg.getTags());
        return new Track(group, filtered ? TrackType.CONSUMED_BUT_FILTERED : TrackType.CONSUMED, null);
    }
}
