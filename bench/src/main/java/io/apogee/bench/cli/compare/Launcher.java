package io.apogee.bench.cli.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts child JVMs with the same java binary as this one, output to a log file. */
final class Launcher {
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private Launcher() {
    }

    static Process startJava(List<String> jvmOptions, String classPath, String mainClass, List<String> args,
                             Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
