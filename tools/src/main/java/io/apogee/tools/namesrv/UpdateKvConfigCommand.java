package io.apogee.tools.namesrv;

import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.NameServerRequests;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "updateKvConfig", description = "Create or update KV config.")
public final class UpdateKvConfigCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @Option(names = {"-s", "--namespace"}, required = true, description = "set the namespace")
    private String namespace;

    @Option(names = {"-k", "--key"}, required = true, description = "set the key name")
    private String key;

    @Option(names = {"-v", "--value"}, required = true, description = "set the key value")
    private String value;

    @Override
    public Integer call() throws Exception {
        try (AdminSession session = options.connect()) {
            new NameServerRequests(session).putKvConfig(namespace.trim(), key.trim(), value.trim());
        }
        options.out().printf("create or update kv config to namespace success.%n");
        return 0;
    }
}
