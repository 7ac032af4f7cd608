package io.apogee.namesrv.route;

import io.apogee.protocol.TopicConfigSerializeWrapper;
import io.netty.channel.Channel;

/**
 * One REGISTER_BROKER call, decoded. {@code timeoutMillis} is how long the registration stays valid
 * without renewal; {@code zoneName} and {@code enableActingMaster} may be null (older brokers).
 */
public record BrokerRegistration(String clusterName, String brokerAddr, String brokerName, long brokerId,
                                 String haServerAddr, String zoneName, Boolean enableActingMaster, long timeoutMillis,
                                 TopicConfigSerializeWrapper topicConfigs, Channel channel) {
}
