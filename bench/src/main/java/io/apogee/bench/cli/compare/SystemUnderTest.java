package io.apogee.bench.cli.compare;

import java.nio.file.Path;
import java.util.List;

/** One of the two systems compared: it knows how to start its server processes in a fresh directory. */
interface SystemUnderTest {
    /** Short name used in tables, e.g. {@code apache}. */
    String name();

    /**
     * Starts the name server and broker with an empty store under {@code dir} and waits until a
     * client can route to the broker.
     *
     * @param extraJvmOptions added to the broker's JVM (profiling)
     */
    RunningSystem start(Path dir, List<String> extraJvmOptions) throws Exception;
}
