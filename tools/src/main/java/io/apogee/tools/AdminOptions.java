package io.apogee.tools;

import io.apogee.client.exception.MQClientException;
import java.io.PrintWriter;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every sub-command has, as in the official tool: {@code -n} (name servers) and
 * {@code -h}. Mixed into each command, it also hands the command its output stream and a started
 * admin client.
 */
public final class AdminOptions {
    static final String NAMESRV_PROPERTY = "rocketmq.namesrv.addr";
    static final String NAMESRV_ENV = "NAMESRV_ADDR";
    static final String DEFAULT_NAMESRV = "127.0.0.1:9876";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = {"-n", "--namesrvAddr"}, paramLabel = "<addr>",
            description = "Name server address list, eg: '192.168.0.1:9876;192.168.0.2:9876'"
                    + " (default: -D" + NAMESRV_PROPERTY + ", else $" + NAMESRV_ENV + ", else " + DEFAULT_NAMESRV + ")")
    private String namesrvAddr;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print help")
    private boolean help;

    /** The name servers to use: -n, else the official client's system property, else its environment variable, else the local default. */
    public String namesrvAddr() {
        return resolveNamesrvAddr(namesrvAddr, System::getProperty, System::getenv);
    }

    static String resolveNamesrvAddr(String explicit, UnaryOperator<String> properties, UnaryOperator<String> environment) {
        for (String candidate : new String[] {explicit, properties.apply(NAMESRV_PROPERTY), environment.apply(NAMESRV_ENV)}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return DEFAULT_NAMESRV;
    }

    /** Where the command prints its results (stdout, or what a test installed). */
    public PrintWriter out() {
        return mixee.commandLine().getOut();
    }

    public AdminSession connect() throws MQClientException {
        return AdminSession.start(namesrvAddr());
    }
}
