package io.apogee.tools.connection;

import io.apogee.protocol.body.Connection;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.Texts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "producerConnection", description = "Query producer's socket connection and client version.")
public final class ProducerConnectionCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @Option(names = {"-g", "--producerGroup"}, required = true, description = "producer group name")
    private String producerGroup;

    @Option(names = {"-t", "--topic"}, required = true, description = "topic name")
    private String topic;

    @Override
    public Integer call() throws Exception {
        try (AdminSession session = options.connect()) {
            int i = 1;
            for (Connection conn : session.admin().examineProducerConnectionInfo(producerGroup.trim(), topic.trim()).getConnectionSet()) {
                options.out().printf("%04d  %-32s %-22s %-8s %s%n", i++, conn.getClientId(), conn.getClientAddr(), conn.getLanguage(),
                        Texts.version(conn.getVersion()));
            }
        }
        return 0;
    }
}
