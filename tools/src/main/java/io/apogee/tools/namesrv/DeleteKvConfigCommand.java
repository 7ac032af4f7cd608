package io.apogee.tools.namesrv;

import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.NameServerRequests;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deleteKvConfig", description = "Delete KV config.")
public final class DeleteKvConfigCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @Option(names = {"-s", "--namespace"}, required = true, description = "set the namespace")
    private String namespace;

    @Option(names = {"-k", "--key"}, required = true, description = "set the key name")
    private String key;

    @Override
    public Integer call() throws Exception {
        try (AdminSession session = options.connect()) {
            new NameServerRequests(session).deleteKvConfig(namespace.trim(), key.trim());
        }
        options.out().printf("delete kv config from namespace success.%n");
        return 0;
    }
}
