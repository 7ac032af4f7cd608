package io.apogee.namesrv.processor;

import io.apogee.namesrv.NamesrvConfig;
import io.apogee.protocol.ConfigLoader;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET_NAMESRV_CONFIG / UPDATE_NAMESRV_CONFIG: the running configuration as properties text, and live
 * changes to it. Keys on the black list (paths, and the list itself) cannot be changed remotely.
 */
public final class NamesrvConfigProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(NamesrvConfigProcessor.class);

    private final NamesrvConfig config;
    private final Object[] configObjects;

    /** {@code configObjects} are every object whose properties make up the name server's configuration. */
    public NamesrvConfigProcessor(NamesrvConfig config, Object... configObjects) {
        this.config = config;
        this.configObjects = configObjects;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        return Responses.done(switch (request.getCode()) {
            case RequestCode.GET_NAMESRV_CONFIG -> Responses.success(request).setBody(
                    ConfigLoader.toText(ConfigLoader.toProperties(configObjects)).getBytes(StandardCharsets.UTF_8));
            case RequestCode.UPDATE_NAMESRV_CONFIG -> update(channel, request);
            default -> throw new IllegalArgumentException("not a config request: " + request.getCode());
        });
    }

    private RemotingCommand update(Channel channel, RemotingCommand request) {
        if (request.getBody() == null) {
            return Responses.success(request);
        }
        Properties props = ConfigLoader.parse(new String(request.getBody(), StandardCharsets.UTF_8));
        List<String> blackList = Arrays.asList(config.getConfigBlackList().split(";"));
        if (props.stringPropertyNames().stream().anyMatch(blackList::contains)) {
            return Responses.error(request, ResponseCode.NO_PERMISSION, "Can not update config in black list.");
        }
        try {
            ConfigLoader.apply(props, configObjects).forEach(line -> LOG.warn("config update ignores {}", line));
        } catch (IllegalArgumentException e) {
            return Responses.error(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        LOG.info("configuration updated by {}: {}", channel.remoteAddress(), props);
        return Responses.success(request);
    }
}
