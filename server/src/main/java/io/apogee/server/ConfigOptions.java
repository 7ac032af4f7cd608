package io.apogee.server;

import io.apogee.protocol.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The configuration arguments every server subcommand takes: {@code -c FILE} (a RocketMQ-style
 * properties file) then {@code key=value} overrides. Mix into a command with {@code @Mixin}.
 */
public final class ConfigOptions {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigOptions.class);

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Properties file with RocketMQ property names.")
    private Path configFile;

    @Parameters(paramLabel = "key=value", description = "Overrides of single properties, applied after the file.")
    private List<String> overrides = List.of();

    /**
     * Applies the file and then the overrides onto the config objects; errors name the bad values.
     * Keys no config object knows are ignored, as RocketMQ ignores them, and each is logged.
     *
     * @return the ignored keys, one line each
     */
    public List<String> applyTo(Object... configs) {
        List<String> ignored = new ArrayList<>();
        if (configFile != null) {
            try {
                ConfigLoader.apply(ConfigLoader.load(configFile), configs).forEach(line -> ignored.add(configFile + ": " + line));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read config file " + configFile + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(configFile + ": " + e.getMessage(), e);
            }
        }
        ignored.addAll(ConfigLoader.apply(overridesAsProperties(), configs));
        ignored.forEach(line -> LOG.warn("ignoring {}", line));
        return ignored;
    }

    private Properties overridesAsProperties() {
        Properties props = new Properties();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value but got '" + override + "'");
            }
            props.setProperty(override.substring(0, eq).trim(), override.substring(eq + 1));
        }
        return props;
    }
}
