package io.apogee.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.tools.MQAdminRunner.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What mqadmin says when the command line is wrong or nobody answers: one line on stderr, a non-zero exit. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommandLineErrorsTest {

    @Test
    void noArgumentsListsTheCommands() {
        Result r = MQAdminRunner.runExactly();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("The most commonly used mqadmin commands are:")
                .containsPattern("(?m)^   updateTopic\\s+Update or create topic\\.$")
                .contains("queryMsgById").contains("consumerProgress").contains("See 'mqadmin help <command>'");
    }

    @Test
    void helpExplainsACommandAndCommandNamesIgnoreCase() {
        Result help = MQAdminRunner.runExactly("help", "updateTopic");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("-t, --topic=<topic>").contains("-n, --namesrvAddr=<addr>").contains("-b, --brokerAddr=<addr>");

        Result lower = MQAdminRunner.runExactly("topicroute", "-h");
        assertThat(lower.exitCode()).isZero();
        assertThat(lower.out()).contains("Examine topic route info.");
    }

    @Test
    void missingRequiredOption() {
        Result r = MQAdminRunner.runExactly("updateTopic", "-c", "DefaultCluster");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("mqadmin updateTopic: Missing required option: '--topic=<topic>'")
                .contains("see 'mqadmin help updateTopic'").hasLineCount(1);
    }

    @Test
    void badNumberAndBadBoolean() {
        Result number = MQAdminRunner.runExactly("updateTopic", "-c", "DefaultCluster", "-t", "T", "-r", "eight");
        assertThat(number.exitCode()).isEqualTo(2);
        assertThat(number.err()).contains("'eight' is not an int").hasLineCount(1);

        Result bool = MQAdminRunner.runExactly("updateSubGroup", "-b", "127.0.0.1:10911", "-g", "G", "-o", "yes");
        assertThat(bool.exitCode()).isEqualTo(2);
        assertThat(bool.err()).contains("--consumeMessageOrderly").hasLineCount(1);
    }

    @Test
    void brokerAndClusterAreExclusive() {
        Result r = MQAdminRunner.runExactly("updateTopic", "-t", "T", "-b", "127.0.0.1:10911", "-c", "DefaultCluster");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("mutually exclusive").hasLineCount(1);
    }

    @Test
    void optionsThatGoTogether() {
        Result r = MQAdminRunner.runExactly("consumeMessage", "-t", "T", "-i", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Please set the brokerName before queueId!").hasLineCount(1);
    }

    @Test
    void badTimestamp() {
        Result r = MQAdminRunner.runExactly("printMsg", "-t", "T", "-b", "yesterday", "-n", "127.0.0.1:1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("bad timestamp 'yesterday'").contains("yyyy-MM-dd#HH:mm:ss:SSS").hasLineCount(1);
    }

    @Test
    void unknownCommand() {
        Result r = MQAdminRunner.runExactly("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("mqadmin: Unmatched argument").contains("frobnicate").hasLineCount(1);
    }

    @Test
    void unreachableNameServer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Result r = MQAdminRunner.runExactly("clusterList", "-n", "127.0.0.1:" + closedPort);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("mqadmin clusterList: connect to 127.0.0.1:" + closedPort + " failed").hasLineCount(1);
    }

    @Test
    void nameServerDefaultsToPropertyThenEnvironmentThenLocalhost() {
        assertThat(AdminOptions.resolveNamesrvAddr("a:1", k -> "b:2", k -> "c:3")).isEqualTo("a:1");
        assertThat(AdminOptions.resolveNamesrvAddr(null, k -> "b:2", k -> "c:3")).isEqualTo("b:2");
        assertThat(AdminOptions.resolveNamesrvAddr(null, k -> null, k -> k.equals("NAMESRV_ADDR") ? "c:3" : null)).isEqualTo("c:3");
        assertThat(AdminOptions.resolveNamesrvAddr(null, k -> " ", k -> null)).isEqualTo("127.0.0.1:9876");
    }

    @Test
    void versionNumbersAreNamedLikeTheOfficialTool() {
        assertThat(Texts.version(453)).isEqualTo("V5_2_0");
        assertThat(Texts.version(407)).isEqualTo("V4_9_7");
        assertThat(Texts.version(212)).isEqualTo("V4_0_0_SNAPSHOT");
    }
}
