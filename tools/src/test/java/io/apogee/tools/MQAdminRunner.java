package io.apogee.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs mqadmin in-process against one name server and keeps what it printed. */
final class MQAdminRunner {
    record Result(int exitCode, String out, String err) {
        /** The first line of the table row that mentions {@code text}, or fails. */
        String lineWith(String text) {
            return out.lines().filter(l -> l.contains(text)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line with '" + text + "' in:\n" + out));
        }
    }

    private final String namesrvAddr;

    MQAdminRunner(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    /** {@code args} with -n pointing at the test's name server unless they name one. */
    Result run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (args.length > 0 && !all.contains("-n")) {
            all.add("-n");
            all.add(namesrvAddr);
        }
        return runExactly(all.toArray(String[]::new));
    }

    static Result runExactly(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MQAdminMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
