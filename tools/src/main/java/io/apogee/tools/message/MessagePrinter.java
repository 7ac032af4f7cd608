package io.apogee.tools.message;

import io.apogee.client.impl.consumer.MessageClientExt;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.tools.AdminSession;
import io.apogee.tools.Clusters;
import io.apogee.tools.Timestamps;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.Charset;
import java.util.TreeMap;

/** The two ways the official tool shows a message: a detailed card, and one line per message. */
final class MessagePrinter {
    private static final String FIELD = "%-20s %s%n";

    private MessagePrinter() {
    }

    /** The producer's unique id (what sendMessage printed) when the message has one, else the offset id. */
    static String msgId(MessageExt msg) {
        String unique = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        return unique != null ? unique : msg.getMsgId();
    }

    /** The broker's id of the stored copy: store address and commit-log offset. */
    static String offsetMsgId(MessageExt msg) {
        return msg instanceof MessageClientExt client ? client.getOffsetMsgId() : msg.getMsgId();
    }

    /** The detailed card of queryMsgById and queryMsgByOffset; the body only when a charset is given. */
    static void card(PrintWriter out, MessageExt msg, Charset bodyCharset) {
        out.printf(FIELD, "OffsetID:", offsetMsgId(msg));
        out.printf(FIELD, "MsgId:", msgId(msg));
        out.printf(FIELD, "Topic:", msg.getTopic());
        out.printf(FIELD, "Tags:", "[" + msg.getTags() + "]");
        out.printf(FIELD, "Keys:", "[" + msg.getKeys() + "]");
        out.printf(FIELD, "Queue ID:", msg.getQueueId());
        out.printf(FIELD, "Queue Offset:", msg.getQueueOffset());
        out.printf(FIELD, "CommitLog Offset:", msg.getCommitLogOffset());
        out.printf(FIELD, "Reconsume Times:", msg.getReconsumeTimes());
        out.printf(FIELD, "Born Timestamp:", Timestamps.human(msg.getBornTimestamp()));
        out.printf(FIELD, "Store Timestamp:", Timestamps.human(msg.getStoreTimestamp()));
        out.printf(FIELD, "Born Host:", address(msg.getBornHost()));
        out.printf(FIELD, "Store Host:", address(msg.getStoreHost()));
        out.printf(FIELD, "System Flag:", msg.getSysFlag());
        out.printf(FIELD, "Properties:", msg.getProperties() == null ? "" : new TreeMap<>(msg.getProperties()));
        if (bodyCharset != null) {
            out.printf(FIELD, "Message Body:", msg.getBody() == null ? "" : new String(msg.getBody(), bodyCharset));
        }
    }

    /** The card, then which groups have consumed the message (the broker that stored it is found by its address). */
    static void cardWithTracks(PrintWriter out, AdminSession session, MessageExt msg, Charset bodyCharset) throws Exception {
        card(out, msg, bodyCharset);
        String brokerName = Clusters.fetch(session.admin()).brokerNameAt(address(msg.getStoreHost()));
        new MessageTracks(session.admin()).print(out, msg, brokerName);
    }

    /** One line per message, as printMsg and consumeMessage print them. */
    static void line(PrintWriter out, MessageExt msg, Charset bodyCharset, boolean printBody) {
        String body = !printBody ? "NOT PRINT BODY" : msg.getBody() == null ? "" : new String(msg.getBody(), bodyCharset);
        out.printf("MSGID: %s %s BODY: %s%n", msgId(msg), msg, body);
    }

    /** ip:port, the form brokers register their addresses in. */
    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return (inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString()) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
