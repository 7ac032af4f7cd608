package io.apogee.tools.topic;

import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.Clusters;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deleteTopic", description = "Delete topic from broker and NameServer.")
public final class DeleteTopicCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @Option(names = {"-t", "--topic"}, required = true, description = "topic name")
    private String topic;

    @Option(names = {"-c", "--clusterName"}, required = true, description = "delete topic from which cluster")
    private String clusterName;

    @Override
    public Integer call() throws Exception {
        String cluster = clusterName.trim();
        try (AdminSession session = options.connect()) {
            Clusters.fetch(session.admin()).brokers(cluster); // fails clearly on an unknown cluster
            session.admin().deleteTopic(topic.trim(), cluster);
        }
        options.out().printf("delete topic [%s] from cluster [%s] success.%n", topic.trim(), cluster);
        options.out().printf("delete topic [%s] from NameServer success.%n", topic.trim());
        return 0;
    }
}
