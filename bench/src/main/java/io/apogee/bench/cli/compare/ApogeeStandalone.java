package io.apogee.bench.cli.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Apogee's {@code apogee standalone}: name server and broker in one JVM, started from the server module's class path. */
final class ApogeeStandalone implements SystemUnderTest {
    private static final String MAIN_CLASS = "io.apogee.server.ApogeeMain";

    private final String classPath;
    private final String heap;
    private final BrokerProperties broker;
    private final long clockTicks;

    ApogeeStandalone(String classPath, String heap, BrokerProperties broker, long clockTicks) {
        this.classPath = classPath;
        this.heap = heap;
        this.broker = broker;
        this.clockTicks = clockTicks;
    }

    @Override
    public String name() {
        return "apogee";
    }

    @Override
    public RunningSystem start(Path dir, List<String> extraJvmOptions) throws Exception {
        Properties conf = broker.toProperties(dir.resolve("store"));
        // The standalone-only key; the broker's namesrvAddr then points at this JVM's own name server.
        conf.setProperty("namesrvPort", Integer.toString(broker.namesrvPort()));
        Path confFile = BrokerProperties.write(conf, dir.resolve("broker.conf"));
        List<String> options = new ArrayList<>(JvmOptions.server(heap, dir.resolve("home").toString()));
        options.addAll(extraJvmOptions);
        Process process = Launcher.startJava(options, classPath, MAIN_CLASS,
                List.of("standalone", "-c", confFile.toString()),
                dir.resolve("apogee.log"));
        RunningSystem system = new RunningSystem(broker.namesrvAddr(), List.of(process), clockTicks);
        try {
            Readiness.awaitPort(broker.namesrvPort(), system);
            Readiness.awaitPort(broker.brokerPort(), system);
            Readiness.awaitBrokerRoute(system);
            return system;
        } catch (Exception e) {
            system.close();
            throw e;
        }
    }
}
