package io.apogee.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.RemotingCommand;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendMessageRequestHeaderV2Test {

    private static Map<String, String> officialSingleSend() {
        Map<String, String> ext = new HashMap<>();
        ext.put("a", "PG");
        ext.put("b", "T");
        ext.put("c", "TBW102");
        ext.put("d", "4");
        ext.put("e", "0");
        ext.put("f", "0");
        ext.put("g", "1700000000000");
        ext.put("h", "0");
        ext.put("i", "UNIQ_KEY\u0001ABC\u0002WAIT\u0001true\u0002");
        ext.put("j", "0");
        ext.put("k", "false");
        ext.put("m", "false");
        ext.put("n", "broker-a");
        return ext;
    }

    @Test
    void decodesTheOfficialShortKeysIntoTheLongForm() throws RemotingCommandException {
        RemotingCommand cmd = new RemotingCommand();
        cmd.setExtFields(officialSingleSend());

        SendMessageRequestHeader v1 = cmd.readCustomHeader(SendMessageRequestHeaderV2.class).toV1();

        assertThat(v1.getProducerGroup()).isEqualTo("PG");
        assertThat(v1.getTopic()).isEqualTo("T");
        assertThat(v1.getDefaultTopicQueueNums()).isEqualTo(4);
        assertThat(v1.getBornTimestamp()).isEqualTo(1700000000000L);
        assertThat(v1.getProperties()).startsWith("UNIQ_KEY\u0001ABC");
        assertThat(v1.isBatch()).isFalse();
        assertThat(v1.getBname()).isEqualTo("broker-a");
    }

    @Test
    void encodesBackToTheSameKeys() throws RemotingCommandException {
        RemotingCommand in = new RemotingCommand();
        in.setExtFields(officialSingleSend());
        SendMessageRequestHeader v1 = in.readCustomHeader(SendMessageRequestHeaderV2.class).toV1();

        RemotingCommand out = RemotingCommand.request(310, SendMessageRequestHeaderV2.fromV1(v1));

        assertThat(out.getExtFields()).containsAllEntriesOf(officialSingleSend()).doesNotContainKey("bname");
    }

    @Test
    void missingRequiredKeyIsNamed() {
        Map<String, String> ext = officialSingleSend();
        ext.remove("b");
        RemotingCommand cmd = new RemotingCommand();
        cmd.setExtFields(ext);

        assertThatThrownBy(() -> cmd.readCustomHeader(SendMessageRequestHeaderV2.class))
                .isInstanceOf(RemotingCommandException.class)
                .hasMessageContaining("<b>");
    }

    @Test
    void rpcFieldsAreInheritedByBrokerBoundHeaders() throws RemotingCommandException {
        PullMessageRequestHeader pull = new PullMessageRequestHeader();
        pull.setConsumerGroup("CG");
        pull.setBname("broker-a");
        RemotingCommand cmd = RemotingCommand.request(11, pull);

        assertThat(cmd.getExtFields()).containsEntry("bname", "broker-a").containsEntry("consumerGroup", "CG");
    }
}
