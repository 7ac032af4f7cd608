package io.apogee.broker;

import io.apogee.broker.testing.InMemoryMessageStore;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageStoreConfig;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A broker on an ephemeral port over the in-memory store, with no name server, plus a raw remoting client. */
final class BrokerFixture implements AutoCloseable {
    final BrokerController broker;
    final NettyRemotingClient client;

    BrokerFixture(Path dir, Consumer<BrokerConfig> tune) {
        BrokerConfig config = new BrokerConfig();
        config.setListenPort(0);
        config.setBrokerIP1("127.0.0.1");
        tune.accept(config);
        MessageStoreConfig storeConfig = new MessageStoreConfig();
        storeConfig.setStorePathRootDir(dir.toString());
        broker = new BrokerController(config, new NettyServerConfig(), new NettyClientConfig(), new InMemoryMessageStore(storeConfig));
        broker.start();
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    RemotingCommand call(RemotingCommand request) throws Exception {
        return client.invokeSync(broker.brokerAddr(), request, 5000);
    }

    @Override
    public void close() {
        client.shutdown();
        broker.shutdown();
    }
}
