package io.apogee.tools.namesrv;

import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.ErrorText;
import io.apogee.tools.NameServerRequests;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * wipeWritePerm and addWritePerm: take a broker's write permission away on the name servers (so
 * producers stop sending to it, e.g. before maintenance) and give it back. Every name server given
 * with -n is asked; one that fails gets its own line and does not stop the others.
 */
public final class WritePermCommands {
    private WritePermCommands() {
    }

    private interface Change {
        int apply(NameServerRequests requests, String namesrv, String brokerName) throws Exception;
    }

    private static int run(AdminOptions options, String brokerName, String verb, Change change) throws Exception {
        int failures = 0;
        try (AdminSession session = options.connect()) {
            NameServerRequests requests = new NameServerRequests(session);
            for (String namesrv : requests.addresses()) {
                try {
                    int topics = change.apply(requests, namesrv, brokerName);
                    options.out().printf("%s write perm of broker[%s] in name server[%s] OK, %d%n", verb, brokerName, namesrv, topics);
                } catch (Exception e) {
                    options.out().printf("%s write perm of broker[%s] in name server[%s] Failed: %s%n", verb, brokerName, namesrv,
                            ErrorText.describe(e));
                    failures++;
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    @Command(name = "wipeWritePerm", description = "Wipe write perm of broker in all name server you defined in the -n param.")
    public static final class Wipe implements Callable<Integer> {
        @Mixin
        private AdminOptions options;

        @Option(names = {"-b", "--brokerName"}, required = true, description = "broker name")
        private String brokerName;

        @Override
        public Integer call() throws Exception {
            return run(options, brokerName.trim(), "wipe", NameServerRequests::wipeWritePerm);
        }
    }

    @Command(name = "addWritePerm", description = "Add write perm of broker in all name server you defined in the -n param.")
    public static final class Add implements Callable<Integer> {
        @Mixin
        private AdminOptions options;

        @Option(names = {"-b", "--brokerName"}, required = true, description = "broker name")
        private String brokerName;

        @Override
        public Integer call() throws Exception {
            return run(options, brokerName.trim(), "add", NameServerRequests::addWritePerm);
        }
    }
}
