package io.apogee.server;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.BrokerController;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.MessageStoreConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code apogee broker [-c FILE] [-n NAMESRV_ADDR] [key=value ...]}: runs one broker until stopped. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a broker (listenPort 10911 unless configured) that registers with the given name servers.")
public final class BrokerCommand implements Callable<Integer> {
    @Mixin
    private ConfigOptions configOptions;

    @Option(names = {"-n", "--namesrvAddr"}, paramLabel = "ADDR", description = "Name servers, host:port;host:port (overrides namesrvAddr).")
    private String namesrvAddr;

    @Override
    public Integer call() {
        BrokerConfig brokerConfig = new BrokerConfig();
        MessageStoreConfig storeConfig = new MessageStoreConfig();
        configOptions.applyTo(brokerConfig, storeConfig);
        if (namesrvAddr != null) {
            brokerConfig.setNamesrvAddr(namesrvAddr);
        }
        ReplicationDefaults.apply(brokerConfig, storeConfig);
        BrokerController broker = new BrokerController(brokerConfig, new NettyServerConfig(), new NettyClientConfig(),
                new DefaultMessageStore(storeConfig));
        broker.start();
        // Same words as RocketMQ's start line, so existing scripts that wait for it keep working.
        System.out.printf("The broker[%s, %s] boot success. serializeType=JSON and name server is %s%n",
                brokerConfig.getBrokerName(), broker.brokerAddr(), brokerConfig.getNamesrvAddr());
        ShutdownSignal.awaitThenRun("broker", broker::shutdown);
        return 0;
    }
}
