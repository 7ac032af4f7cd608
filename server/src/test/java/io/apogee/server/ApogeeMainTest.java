package io.apogee.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(30)
class ApogeeMainTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsTheSubcommands() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("namesrv").contains("help").contains("Usage: apogee");
    }

    @Test
    void noArgumentsPrintsUsage() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("Commands:").contains("namesrv");
    }

    @Test
    void unknownConfigKeysAreIgnoredAndNamedAsRocketMQBrokerConfsCarryManyOfThem() throws Exception {
        Path conf = Files.writeString(dir.resolve("broker.conf"), "brokerName=broker-x\nwaitTimeMillsInSendQueue=200\n");
        ConfigOptions options = new ConfigOptions();
        new CommandLine(new WithConfigOptions(options)).parseArgs("-c", conf.toString(), "listenport=1");
        io.apogee.broker.BrokerConfig broker = new io.apogee.broker.BrokerConfig();

        var ignored = options.applyTo(broker);

        assertThat(broker.getBrokerName()).isEqualTo("broker-x");
        assertThat(ignored).containsExactly(
                conf + ": unknown configuration key 'waitTimeMillsInSendQueue'",
                "unknown configuration key 'listenport' (did you mean 'listenPort'?)");
    }

    @CommandLine.Command(name = "with-config")
    static final class WithConfigOptions {
        @CommandLine.Mixin
        final ConfigOptions options;

        WithConfigOptions(ConfigOptions options) {
            this.options = options;
        }
    }

    @Test
    void aConfigFileWithABadValueNamesTheFileAndKey() throws Exception {
        Path conf = Files.writeString(dir.resolve("namesrv.conf"), "listenPort=nine\n");

        int code = run("namesrv", "-c", conf.toString());

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains(conf.toString()).contains("bad value for 'listenPort'");
    }

    @Test
    void malformedOverrideIsReported() {
        assertThat(run("namesrv", "listenPort")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("expected key=value but got 'listenPort'");
    }

    private int run(String... args) {
        return ApogeeMain.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }
}
