package io.apogee.bench.cli.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Apache RocketMQ 5.2.0 from Maven Central: NamesrvStartup and BrokerStartup, each in its own JVM as in production. */
final class ApacheRocketMq implements SystemUnderTest {
    /** The name server holds one route; its own small heap keeps the memory comparison conservative. */
    private static final String NAMESRV_HEAP = "256m";

    private final String classPath;
    private final String heap;
    private final BrokerProperties broker;
    private final long clockTicks;

    ApacheRocketMq(String classPath, String heap, BrokerProperties broker, long clockTicks) {
        this.classPath = classPath;
        this.heap = heap;
        this.broker = broker;
        this.clockTicks = clockTicks;
    }

    @Override
    public String name() {
        return "apache";
    }

    @Override
    public RunningSystem start(Path dir, List<String> extraJvmOptions) throws Exception {
        Path home = dir.resolve("home");
        Properties namesrvConf = new Properties();
        namesrvConf.setProperty("listenPort", Integer.toString(broker.namesrvPort()));
        Path namesrvFile = BrokerProperties.write(namesrvConf, dir.resolve("namesrv.conf"));
        Path brokerFile = BrokerProperties.write(broker.toProperties(dir.resolve("store")), dir.resolve("broker.conf"));

        List<Process> processes = new ArrayList<>();
        processes.add(Launcher.startJava(options(NAMESRV_HEAP, home, List.of()), classPath,
                "org.apache.rocketmq.namesrv.NamesrvStartup", List.of("-c", namesrvFile.toString()),
                dir.resolve("namesrv.log")));
        RunningSystem system = new RunningSystem(broker.namesrvAddr(), processes, clockTicks);
        try {
            Readiness.awaitPort(broker.namesrvPort(), system);
            processes.add(Launcher.startJava(options(heap, home, extraJvmOptions), classPath,
                    "org.apache.rocketmq.broker.BrokerStartup", List.of("-c", brokerFile.toString()),
                    dir.resolve("broker.log")));
            system = new RunningSystem(broker.namesrvAddr(), processes, clockTicks);
            Readiness.awaitPort(broker.brokerPort(), system);
            Readiness.awaitBrokerRoute(system);
            return system;
        } catch (Exception e) {
            system.close();
            throw e;
        }
    }

    private static List<String> options(String heap, Path home, List<String> extra) {
        List<String> options = new ArrayList<>(JvmOptions.server(heap, home.toString()));
        options.add("-Drocketmq.home.dir=" + home);
        options.addAll(extra);
        return options;
    }
}
