package io.apogee.tools.consumer;

import io.apogee.protocol.Json;
import io.apogee.protocol.body.SubscriptionGroupConfig;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.BrokerTarget;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "updateSubGroup", description = "Update or create subscription group.")
public final class UpdateSubGroupCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @ArgGroup(multiplicity = "1")
    private BrokerTarget target;

    @Option(names = {"-g", "--groupName"}, required = true, description = "consumer group name")
    private String groupName;

    @Option(names = {"-s", "--consumeEnable"}, arity = "1", paramLabel = "<true|false>", description = "consume enable")
    private Boolean consumeEnable;

    @Option(names = {"-m", "--consumeFromMinEnable"}, arity = "1", paramLabel = "<true|false>", description = "from min offset")
    private Boolean consumeFromMinEnable;

    @Option(names = {"-d", "--consumeBroadcastEnable"}, arity = "1", paramLabel = "<true|false>", description = "broadcast")
    private Boolean consumeBroadcastEnable;

    @Option(names = {"-o", "--consumeMessageOrderly"}, arity = "1", paramLabel = "<true|false>", description = "consume message orderly")
    private Boolean consumeMessageOrderly;

    @Option(names = {"-q", "--retryQueueNums"}, description = "retry queue nums")
    private Integer retryQueueNums;

    @Option(names = {"-r", "--retryMaxTimes"}, description = "retry max times")
    private Integer retryMaxTimes;

    @Option(names = {"-i", "--brokerId"}, description = "consumer from which broker id")
    private Long brokerId;

    @Option(names = {"-w", "--whichBrokerWhenConsumeSlowly"}, description = "which broker id when consume slowly")
    private Long whichBrokerWhenConsumeSlowly;

    @Option(names = {"-a", "--notifyConsumerIdsChanged"}, arity = "1", paramLabel = "<true|false>", description = "notify consumerId changed")
    private Boolean notifyConsumerIdsChanged;

    @Override
    public Integer call() throws Exception {
        SubscriptionGroupConfig config = config();
        PrintWriter out = options.out();
        try (AdminSession session = options.connect()) {
            for (String addr : target.masters(session.admin())) {
                session.admin().createAndUpdateSubscriptionGroupConfig(addr, config);
                out.printf("create subscription group to %s success.%n", addr);
            }
        }
        out.printf("%s%n", Json.toJson(config));
        return 0;
    }

    /** The official tool's starting point (no broadcast, not from the min offset), then what was given. */
    private SubscriptionGroupConfig config() {
        SubscriptionGroupConfig config = new SubscriptionGroupConfig();
        config.setGroupName(groupName.trim());
        config.setConsumeBroadcastEnable(false);
        config.setConsumeFromMinEnable(false);
        set(consumeEnable, config::setConsumeEnable);
        set(consumeFromMinEnable, config::setConsumeFromMinEnable);
        set(consumeBroadcastEnable, config::setConsumeBroadcastEnable);
        set(consumeMessageOrderly, config::setConsumeMessageOrderly);
        set(retryQueueNums, config::setRetryQueueNums);
        set(retryMaxTimes, config::setRetryMaxTimes);
        set(brokerId, config::setBrokerId);
        set(whichBrokerWhenConsumeSlowly, config::setWhichBrokerWhenConsumeSlowly);
        set(notifyConsumerIdsChanged, config::setNotifyConsumerIdsChangedEnable);
        return config;
    }

    private static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
