package io.apogee.broker.outer;

import io.apogee.broker.BrokerConfig;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicConfigSerializeWrapper;
import io.apogee.protocol.namesrv.RegisterBrokerBody;
import io.apogee.protocol.namesrv.RegisterBrokerRequestHeader;
import io.apogee.protocol.namesrv.RegisterBrokerResponseHeader;
import io.apogee.protocol.namesrv.UnRegisterBrokerRequestHeader;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.header.RemotingCommandException;
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

/**
 * The broker's outgoing calls: register (with the full topic table) and unregister, to every name
 * server; and a slave's metadata requests to its master.
 */
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

    /**
     * Registers with every name server in parallel; returns the answers of those that accepted (for a
     * slave they name its master). Failures are logged, not thrown.
     */
    public List<RegisterBrokerResponseHeader> registerBrokerAll(TopicConfigSerializeWrapper topics, String haServerAddr) {
        byte[] body = new RegisterBrokerBody(topics, List.of()).encode(false, RemotingCommand.CURRENT_VERSION);
        CRC32 crc = new CRC32();
        crc.update(body);
        List<CompletableFuture<RemotingCommand>> calls = new ArrayList<>();
        for (String namesrv : nameServers()) {
            RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader();
            header.setBrokerName(brokerConfig.getBrokerName());
            header.setBrokerAddr(brokerConfig.brokerAddr());
            header.setClusterName(brokerConfig.getBrokerClusterName());
            header.setHaServerAddr(haServerAddr);
            header.setBrokerId(brokerConfig.getBrokerId());
            header.setHeartbeatTimeoutMillis(HEARTBEAT_TIMEOUT_MILLIS);
            header.setCompressed(false);
            header.setBodyCrc32((int) (crc.getValue() & 0x7FFFFFFF));
            RemotingCommand request = RemotingCommand.request(RequestCode.REGISTER_BROKER, header).setBody(body);
            calls.add(call(namesrv, request, "register"));
        }
        List<RegisterBrokerResponseHeader> answers = new ArrayList<>();
        for (RemotingCommand response : join(calls)) {
            try {
                answers.add(response.readCustomHeader(RegisterBrokerResponseHeader.class));
            } catch (RemotingCommandException e) {
                LOG.warn("unreadable register answer: {}", e.getMessage());
            }
        }
        return answers;
    }

    public void unregisterBrokerAll() {
        List<CompletableFuture<RemotingCommand>> calls = new ArrayList<>();
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

    /** The SUCCESS answer, or null (logged) when the call failed or was refused. */
    private CompletableFuture<RemotingCommand> call(String addr, RemotingCommand request, String what) {
        return client.invokeAsync(addr, request, brokerConfig.getRegisterBrokerTimeoutMills()).handle((response, error) -> {
            if (error != null) {
                LOG.warn("{} with {} failed: {}", what, addr, error.getMessage());
                return null;
            }
            if (response.getCode() != ResponseCode.SUCCESS) {
                LOG.warn("{} with {} refused: {} {}", what, addr, response.getCode(), response.getRemark());
                return null;
            }
            return response;
        });
    }

    /** A request to another broker (a slave asking its master); the SUCCESS answer, or null when it failed. */
    public RemotingCommand callBroker(String brokerAddr, RemotingCommand request, String what) {
        return join(List.of(call(brokerAddr, request, what))).stream().findFirst().orElse(null);
    }

    /**
     * Waits for every call and keeps the successful answers; each call already carries its own
     * timeout, the extra second only guards against a lost completion.
     */
    private List<RemotingCommand> join(List<CompletableFuture<RemotingCommand>> calls) {
        List<RemotingCommand> results = new ArrayList<>();
        for (CompletableFuture<RemotingCommand> call : calls) {
            try {
                RemotingCommand response = call.get(brokerConfig.getRegisterBrokerTimeoutMills() + 1000L, TimeUnit.MILLISECONDS);
                if (response != null) {
                    results.add(response);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("call did not complete", e);
            }
        }
        return results;
    }
}
