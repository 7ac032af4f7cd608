package io.apogee.server;

import io.apogee.namesrv.NamesrvConfig;
import io.apogee.namesrv.NamesrvController;
import io.apogee.remoting.netty.NettyServerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code apogee namesrv [-c FILE] [key=value ...]}: runs a name server until stopped. */
@Command(name = "namesrv", mixinStandardHelpOptions = true,
        description = "Run a name server (listenPort 9876 unless configured; listenPort=0 picks a free port).")
public final class NamesrvCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = 9876;

    @Mixin
    private ConfigOptions configOptions;

    @Override
    public Integer call() {
        NamesrvConfig config = new NamesrvConfig();
        NettyServerConfig serverConfig = new NettyServerConfig();
        serverConfig.setListenPort(DEFAULT_PORT);
        configOptions.applyTo(config, serverConfig);

        NamesrvController controller = new NamesrvController(config, serverConfig);
        controller.start();
        // Scripts and tests wait for this line; the port matters when listenPort=0 chose one.
        System.out.println("The Name Server boot success. listenPort=" + controller.localPort());
        ShutdownSignal.awaitThenRun("namesrv", controller::shutdown);
        return 0;
    }
}
