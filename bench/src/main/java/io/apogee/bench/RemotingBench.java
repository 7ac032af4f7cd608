package io.apogee.bench;

import io.apogee.bench.remoting.ApogeeRoundTrips;
import io.apogee.bench.remoting.ClosedLoopRunner;
import io.apogee.bench.remoting.OfficialRoundTrips;
import io.apogee.bench.remoting.RemotingBenchSettings;
import io.apogee.bench.remoting.RoundTripTarget;
import java.util.List;
import java.util.Random;

/**
 * Sync request/response round trips per second over loopback: Apogee's remoting against Apache
 * RocketMQ 5.2.0's, in one JVM, rounds alternating so drift (JIT, CPU frequency, other load)
 * hits both sides alike.
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' io.apogee.bench.RemotingBench [--callers 16] [--body 1024]
 *     [--warmup 5] [--seconds 5] [--rounds 2] [--processor-threads 8]</pre>
 */
public final class RemotingBench {
    private RemotingBench() {
    }

    public static void main(String[] args) throws Exception {
        RemotingBenchSettings settings = RemotingBenchSettings.parse(args);
        byte[] body = new byte[settings.bodyBytes()];
        new Random(1).nextBytes(body);
        ClosedLoopRunner runner = new ClosedLoopRunner(settings.callers());
        try (RoundTripTarget apogee = new ApogeeRoundTrips(body, settings.processorThreads());
             RoundTripTarget official = new OfficialRoundTrips(body, settings.processorThreads())) {
            List<RoundTripTarget> targets = List.of(apogee, official);
            for (RoundTripTarget target : targets) {
                ClosedLoopRunner.Result warm = runner.run(target, settings.warmupSeconds() * 1000L);
                System.out.printf("warm-up %-8s %10.0f calls/s%n", target.name(), warm.perSecond());
            }
            long[] calls = new long[targets.size()];
            long[] errors = new long[targets.size()];
            long[] nanos = new long[targets.size()];
            for (int round = 0; round < settings.rounds(); round++) {
                for (int i = 0; i < targets.size(); i++) {
                    // Alternate which side goes first, so neither always follows the other's garbage.
                    int index = round % 2 == 0 ? i : targets.size() - 1 - i;
                    ClosedLoopRunner.Result r = runner.run(targets.get(index), settings.roundSeconds() * 1000L);
                    calls[index] += r.calls();
                    errors[index] += r.errors();
                    nanos[index] += r.nanos();
                    System.out.printf("round %d %-8s %10.0f calls/s (%d errors)%n", round + 1, targets.get(index).name(), r.perSecond(), r.errors());
                }
            }
            double ours = calls[0] * 1e9 / nanos[0];
            double theirs = calls[1] * 1e9 / nanos[1];
            System.out.printf("%nRESULT callers=%d body=%dB seconds/side=%d apogee=%.0f/s (errors %d) official=%.0f/s (errors %d) ratio=%.2f%n",
                    settings.callers(), settings.bodyBytes(), settings.rounds() * settings.roundSeconds(),
                    ours, errors[0], theirs, errors[1], ours / theirs);
        }
        System.exit(0);
    }
}
