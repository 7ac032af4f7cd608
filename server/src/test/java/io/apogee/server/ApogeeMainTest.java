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
    void unknownConfigKeysAreReportedWithoutStartingAnything() {
        int code = run("namesrv", "listenPort=0", "lisenPort=1", "kvConfigPath=" + dir.resolve("kv.json"));

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("unknown configuration key 'lisenPort'");
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
