package io.apogee.compat.v4;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.rocketmq.common.DataVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.body.RegisterBrokerBody;
import org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerResponseHeader;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * Plays a broker towards our name server with nothing but the official 4.9.7 remoting classes: the
 * official client, header and body (including its compressed encoding) produce the bytes.
 */
final class OfficialBrokerRegistrar implements AutoCloseable {
    static final String CLUSTER = "DefaultCluster";

    private final String namesrvAddr;
    private final NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());

    OfficialBrokerRegistrar(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
        client.start();
    }

    /** Registers and returns the response header (masterAddr / haServerAddr for slaves). */
    RegisterBrokerResponseHeader register(String brokerName, long brokerId, String brokerAddr, boolean compressed,
                                          List<String> topics) throws Exception {
        ConcurrentMap<String, TopicConfig> table = new ConcurrentHashMap<>();
        for (String topic : topics) {
            table.put(topic, new TopicConfig(topic, 4, 4, 6));
        }
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        wrapper.setTopicConfigTable(table);
        DataVersion version = new DataVersion();
        version.nextVersion();
        wrapper.setDataVersion(version);
        RegisterBrokerBody body = new RegisterBrokerBody();
        body.setTopicConfigSerializeWrapper(wrapper);
        byte[] bytes = body.encode(compressed);

        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader();
        header.setBrokerName(brokerName);
        header.setBrokerId(brokerId);
        header.setBrokerAddr(brokerAddr);
        header.setClusterName(CLUSTER);
        header.setHaServerAddr(brokerAddr.replaceFirst(":\\d+$", ":10912"));
        header.setCompressed(compressed);
        header.setBodyCrc32(UtilAll.crc32(bytes));
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER, header);
        request.setBody(bytes);

        RemotingCommand response = client.invokeSync(namesrvAddr, request, 5_000);
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("registration refused: " + response.getCode() + " " + response.getRemark());
        }
        return (RegisterBrokerResponseHeader) response.decodeCommandCustomHeader(RegisterBrokerResponseHeader.class);
    }

    /** Closes the connection, which our name server must treat as the broker going away. */
    @Override
    public void close() {
        client.shutdown();
    }
}
