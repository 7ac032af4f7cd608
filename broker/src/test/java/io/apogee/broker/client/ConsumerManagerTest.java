package io.apogee.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.protocol.body.ConsumeType;
import io.apogee.protocol.body.MessageModel;
import io.apogee.protocol.body.SubscriptionData;
import io.apogee.remoting.protocol.LanguageCode;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsumerManagerTest {
    private final List<String> notifications = new ArrayList<>();
    private final ConsumerManager manager = new ConsumerManager(1_000,
            (group, channels) -> notifications.add(group + ":" + channels.size()));

    private boolean heartbeat(Channel channel, String clientId, String expression) {
        SubscriptionData sub = SubscriptionData.of("T", expression, "TAG");
        return manager.register("G", new ClientChannelInfo(channel, clientId, LanguageCode.JAVA, 453), ConsumeType.CONSUME_PASSIVELY,
                MessageModel.CLUSTERING, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, Set.of(sub), true);
    }

    @Test
    void newMembersAndChangedSubscriptionsNotifyTheGroup() {
        Channel a = new EmbeddedChannel();
        Channel b = new EmbeddedChannel();

        assertThat(heartbeat(a, "a", "*")).isTrue();
        assertThat(heartbeat(a, "a", "*")).isFalse();
        assertThat(heartbeat(b, "b", "*")).isTrue();
        assertThat(heartbeat(b, "b", "TagA")).isTrue();

        assertThat(notifications).containsExactly("G:1", "G:2", "G:2");
        assertThat(manager.group("G").clientIds()).containsExactlyInAnyOrder("a", "b");
        assertThat(manager.findSubscription("G", "T").getSubString()).isEqualTo("TagA");
    }

    @Test
    void leavingMembersNotifyTheRestAndTheLastOneRemovesTheGroup() {
        Channel a = new EmbeddedChannel();
        Channel b = new EmbeddedChannel();
        heartbeat(a, "a", "*");
        heartbeat(b, "b", "*");
        notifications.clear();

        manager.onChannelClosed(a);
        assertThat(notifications).containsExactly("G:1");
        manager.unregister("G", b, true);

        assertThat(manager.group("G")).isNull();
    }

    @Test
    void silentMembersExpire() {
        Channel a = new EmbeddedChannel();
        heartbeat(a, "a", "*");

        manager.scanNotActive(System.currentTimeMillis() + 5_000);

        assertThat(manager.group("G")).isNull();
        assertThat(a.isOpen()).isFalse();
    }
}
