package io.apogee.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.bench.workload.ConsumerSettings;
import io.apogee.bench.workload.ProducerSettings;
import io.apogee.bench.workload.SendMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    private static <T> T parse(Class<T> type, String... args) {
        CommandLine.ParseResult parsed = BenchCommand.commandLine().parseArgs(args);
        return type.cast(parsed.subcommand().commandSpec().userObject());
    }

    @Test
    void producerDefaultsAreSixteenSyncThreadsOfOneKibibyte() {
        ProducerSettings s = parse(ProducerBench.class, "producer").settings();
        assertThat(s.mode()).isEqualTo(SendMode.SYNC);
        assertThat(s.threads()).isEqualTo(16);
        assertThat(s.size()).isEqualTo(1024);
        assertThat(s.seconds()).isEqualTo(30);
        assertThat(s.topics()).containsExactly("BenchTopic");
        assertThat(s.tags()).isFalse();
        assertThat(parse(ProducerBench.class, "producer").common.client).isEqualTo(ClientKind.APOGEE);
    }

    @Test
    void producerOptionsAreHonoured() {
        ProducerBench bench = parse(ProducerBench.class, "producer", "--namesrv", "10.0.0.1:9876", "--topic", "T",
                "--threads", "64", "--size", "4096", "--mode", "BATCH", "--batch", "16", "--seconds", "5", "--tags",
                "--topics", "3", "--rate", "100", "--warmup", "2", "--client", "official");
        ProducerSettings s = bench.settings();
        assertThat(bench.common.namesrv).isEqualTo("10.0.0.1:9876");
        assertThat(bench.common.client).isEqualTo(ClientKind.OFFICIAL);
        assertThat(s.mode()).isEqualTo(SendMode.BATCH);
        assertThat(s.threads()).isEqualTo(64);
        assertThat(s.size()).isEqualTo(4096);
        assertThat(s.batch()).isEqualTo(16);
        assertThat(s.seconds()).isEqualTo(5);
        assertThat(s.warmupSeconds()).isEqualTo(2);
        assertThat(s.rate()).isEqualTo(100);
        assertThat(s.tags()).isTrue();
        assertThat(s.topics()).containsExactly("T-0", "T-1", "T-2");
    }

    @Test
    void modeIsCaseInsensitive() {
        assertThat(parse(ProducerBench.class, "producer", "--mode", "oneway").settings().mode()).isEqualTo(SendMode.ONEWAY);
    }

    @Test
    void consumerWithTagsSubscribesToEveryProducerTag() {
        ConsumerSettings s = parse(ConsumerBench.class, "consumer", "--tags", "--from-first", "--messages", "1000",
                "--seconds", "0", "--group", "g").settings();
        assertThat(s.subscription().tagExpression()).contains("tag0").contains("tag7");
        assertThat(s.subscription().fromFirstOffset()).isTrue();
        assertThat(s.subscription().group()).isEqualTo("g");
        assertThat(s.messages()).isEqualTo(1000);
        assertThat(s.topics()).isEqualTo(List.of("BenchTopic"));
    }

    @Test
    void consumerGetsAFreshGroupByDefault() {
        String group = parse(ConsumerBench.class, "consumer").settings().subscription().group();
        assertThat(group).startsWith("apogee-bench-consumer-");
        assertThat(parse(ConsumerBench.class, "consumer").settings().subscription().tagExpression()).isEqualTo("*");
    }

    @Test
    void unknownModeIsAUsageError() {
        StringWriter err = new StringWriter();
        int exit = BenchCommand.commandLine().setErr(new PrintWriter(err)).execute("producer", "--mode", "fast");
        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--mode");
    }

    @Test
    void aRunWithNeitherDurationNorCountIsRejectedBeforeConnecting() {
        StringWriter err = new StringWriter();
        int exit = BenchCommand.commandLine().setErr(new PrintWriter(err)).execute("producer", "--seconds", "0");
        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("never ends");
    }
}
