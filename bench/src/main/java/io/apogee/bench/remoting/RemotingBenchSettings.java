package io.apogee.bench.remoting;

/** Command-line settings of the remoting round-trip benchmark ({@code --name value} pairs). */
public record RemotingBenchSettings(int callers, int bodyBytes, int warmupSeconds, int roundSeconds, int rounds, int processorThreads) {
    public static final int ECHO_CODE = 9999;

    public static RemotingBenchSettings parse(String[] args) {
        int callers = 16;
        int bodyBytes = 1024;
        int warmupSeconds = 5;
        int roundSeconds = 5;
        int rounds = 2;
        int processorThreads = 8;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--callers" -> callers = value;
                case "--body" -> bodyBytes = value;
                case "--warmup" -> warmupSeconds = value;
                case "--seconds" -> roundSeconds = value;
                case "--rounds" -> rounds = value;
                case "--processor-threads" -> processorThreads = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --callers --body --warmup --seconds --rounds --processor-threads)");
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in --name value pairs");
        }
        return new RemotingBenchSettings(callers, bodyBytes, warmupSeconds, roundSeconds, rounds, processorThreads);
    }
}
