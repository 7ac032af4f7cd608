package io.apogee.compat.apache;

import io.apogee.server.Standalone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Collections;

/**
 * One embedded Apogee name server + broker shared by every scenario class of a test run, with the
 * same short retry and transaction-check timings as the Apache servers. Stopped when the test JVM exits.
 */
final class SharedApogeeServer {
    private static Standalone server;

    private SharedApogeeServer() {
    }

    static synchronized String namesrvAddr() {
        if (server == null) {
            try {
                Standalone standalone = Standalone.forTests(Files.createTempDirectory("apogee-server"));
                standalone.storeConfig().setMessageDelayLevel(String.join(" ", Collections.nCopies(18, "1s")));
                standalone.brokerConfig().setTransactionTimeOut(3000);
                standalone.brokerConfig().setTransactionCheckInterval(2000);
                server = standalone.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "apogee-server-stopper"));
        }
        return server.namesrvAddr();
    }
}
