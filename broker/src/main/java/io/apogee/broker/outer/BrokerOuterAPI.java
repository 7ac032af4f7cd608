package io.apogee.broker.outer;

import io.apogee.broker.BrokerConfig;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicConfigSerializeWrapper;
import io.apogee.protocol.namesrv.RegisterBrokerBody;
import io.apogee.protocol.namesrv.RegisterBrokerRequestHeader;
import io.apogee.protocol.namesrv.UnRegisterBrokerRequestHeader;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.protocol.RemotingCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The broker's calls to the name servers: register (with the full topic table) and unregister, to every one of them. */
public class BrokerOuterAPI {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerOuterAPI.class);
    /** How long the name server keeps us without a new registration. */
    private static final long HEARTBEAT_TIMEOUT_MILLIS = 120_000;

    private final BrokerConfig brokerConfig;
    private final NettyRemotingClient client;

    public BrokerOuterAPI(BrokerConfig brokerConfig, NettyClientConfig clientConfig) {
        this.brokerConfig = brokerConfig;
        this.client = new NettyRemotingClient(clientConfig);
    }

    public void start() {
        client.start();
    }

    public void shutdown() {
        client.shutdown();
    }

    private List<String> nameServers() {
        String addrs = brokerConfig.getNamesrvAddr();
        if (addrs == null || addrs.isBlank()) {
            return List.of();
        }
        return Arrays.stream(addrs.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Registers with every name server in parallel; returns how many accepted. Failures are logged, not thrown. */
    public int registerBrokerAll(TopicConfigSerializeWrapper topics) {
        byte[] body = new RegisterBrokerBody(topics, List.of()).encode(false, RemotingCommand.CURRENT_VERSION);
        CRC32 crc = new CRC32();
        crc.update(body);
        List<CompletableFuture<Boolean>> calls = new ArrayList<>();
        for (String namesrv : nameServers()) {
            RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader();
            header.setBrokerName(brokerConfig.getBrokerName());
            header.setBrokerAddr(brokerConfig.brokerAddr());
            header.setClusterName(brokerConfig.getBrokerClusterName());
            header.setHaServerAddr(brokerConfig.getBrokerIP2() + ":" + (brokerConfig.getListenPort() + 1));
            header.setBrokerId(brokerConfig.getBrokerId());
            header.setHeartbeatTimeoutMillis(HEARTBEAT_TIMEOUT_MILLIS);
            header.setCompressed(false);
            header.setBodyCrc32((int) (crc.getValue() & 0x7FFFFFFF));
            RemotingCommand request = RemotingCommand.request(RequestCode.REGISTER_BROKER, header).setBody(body);
            calls.add(call(namesrv, request, "register"));
        }
        return (int) join(calls).stream().filter(Boolean::booleanValue).count();
    }

    public void unregisterBrokerAll() {
        List<CompletableFuture<Boolean>> calls = new ArrayList<>();
        for (String namesrv : nameServers()) {
            UnRegisterBrokerRequestHeader header = new UnRegisterBrokerRequestHeader();
            header.setBrokerName(brokerConfig.getBrokerName());
            header.setBrokerAddr(brokerConfig.brokerAddr());
            header.setClusterName(brokerConfig.getBrokerClusterName());
            header.setBrokerId(brokerConfig.getBrokerId());
            calls.add(call(namesrv, RemotingCommand.request(RequestCode.UNREGISTER_BROKER, header), "unregister"));
        }
        join(calls);
    }

    private CompletableFuture<Boolean> call(String namesrv, RemotingCommand request, String what) {
        return client.invokeAsync(namesrv, request, brokerConfig.getRegisterBrokerTimeoutMills()).handle((response, error) -> {
            if (error != null) {
                LOG.warn("{} with name server {} failed: {}", what, namesrv, error.getMessage());
                return false;
            }
            if (response.getCode() != ResponseCode.SUCCESS) {
                LOG.warn("{} with name server {} refused: {} {}", what, namesrv, response.getCode(), response.getRemark());
                return false;
            }
            return true;
        });
    }

    /** Waits for every call; each already carries its own timeout, the extra second only guards against a lost completion. */
    private List<Boolean> join(List<CompletableFuture<Boolean>> calls) {
        List<Boolean> results = new ArrayList<>();
        for (CompletableFuture<Boolean> call : calls) {
            try {
                results.add(call.get(brokerConfig.getRegisterBrokerTimeoutMills() + 1000L, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(false);
            } catch (ExecutionException | TimeoutException e) {
                results.add(false);
            }
        }
        return results;
    }
}
