package io.apogee.bench.cli.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes the CPU samples (jdk.ExecutionSample) of a flight recording as markdown: the methods
 * most often on top of the stack, and the methods of one package prefix most often anywhere on it
 * (inclusive time), which is where a change in our code pays off.
 */
final class JfrHotPaths {
    private final Map<String, Integer> self = new HashMap<>();
    private final Map<String, Integer> inclusive = new HashMap<>();
    private final String ownPrefix;
    private int samples;

    private JfrHotPaths(String ownPrefix) {
        this.ownPrefix = ownPrefix;
    }

    /** Reads {@code recording} and renders the {@code top} entries of each list. */
    static String summarize(Path recording, String ownPrefix, int top) throws IOException {
        JfrHotPaths paths = new JfrHotPaths(ownPrefix);
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                paths.add(event.getStackTrace().getFrames());
            }
        }
        return paths.render(top);
    }

    private void add(List<RecordedFrame> frames) {
        if (frames.isEmpty()) {
            return;
        }
        samples++;
        self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            String method = name(frame.getMethod());
            if (method.startsWith(ownPrefix) && seen.add(method)) {
                inclusive.merge(method, 1, Integer::sum);
            }
        }
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private String render(int top) {
        return samples + " CPU samples.\n\nTop of stack (self time):\n\n" + table(self, top)
                + "\nMethods of " + ownPrefix + " on the stack (inclusive time):\n\n" + table(inclusive, top);
    }

    private String table(Map<String, Integer> counts, int top) {
        StringBuilder md = new StringBuilder("| samples | share | method |\n|---:|---:|---|\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> md.append(String.format("| %d | %.1f%% | `%s` |%n", e.getValue(),
                        100.0 * e.getValue() / samples, e.getKey())));
        return md.toString();
    }
}
