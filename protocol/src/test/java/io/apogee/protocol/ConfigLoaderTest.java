package io.apogee.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void loadsAFileOntoEveryTargetWithTheSetter() throws Exception {
        Path file = dir.resolve("namesrv.conf");
        Files.writeString(file, "# comment\nlistenPort = 9877\nbrokerName=broker-a\nauto=TRUE\nmode=sync\nratio=0.5\nsize=123456789012\n");
        Sample sample = new Sample();
        Transport transport = new Transport();

        ConfigLoader.apply(ConfigLoader.load(file), sample, transport);

        assertThat(transport.getListenPort()).isEqualTo(9877);
        assertThat(sample.getBrokerName()).isEqualTo("broker-a");
        assertThat(sample.isAuto()).isTrue();
        assertThat(sample.getMode()).isEqualTo(Mode.SYNC);
        assertThat(sample.getRatio()).isEqualTo(0.5);
        assertThat(sample.getSize()).isEqualTo(123456789012L);
    }

    @Test
    void badValuesAreAllNamedAndNothingIsApplied() {
        Properties props = ConfigLoader.parse("listenPort=abc\nauto=yes\nbrokerName=ok\n");
        Sample sample = new Sample();

        assertThatThrownBy(() -> ConfigLoader.apply(props, sample, new Transport()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad value for 'listenPort': 'abc' is not a valid int")
                .hasMessageContaining("bad value for 'auto': 'yes' is not true or false");
        assertThat(sample.getBrokerName()).isNull();
    }

    @Test
    void unknownKeysAreIgnoredAndReturnedWithASuggestion() {
        Properties props = ConfigLoader.parse("brokername=x\nwaitTimeMillsInSendQueue=200\nbrokerName=ok\n");
        Sample sample = new Sample();

        List<String> ignored = ConfigLoader.apply(props, sample, new Transport());

        assertThat(sample.getBrokerName()).isEqualTo("ok");
        assertThat(ignored).containsExactly(
                "unknown configuration key 'brokername' (did you mean 'brokerName'?)",
                "unknown configuration key 'waitTimeMillsInSendQueue'");
    }

    @Test
    void rendersReadableWritablePropertiesAsSortedText() {
        Sample sample = new Sample();
        sample.setBrokerName("b");

        String text = ConfigLoader.toText(ConfigLoader.toProperties(sample, new Transport()));

        assertThat(text).isEqualTo("auto=false\nbrokerName=b\nlistenPort=9876\nmode=ASYNC\nratio=0.0\nsize=0\n");
        assertThat(ConfigLoader.parse(text).getProperty("listenPort")).isEqualTo("9876");
    }

    enum Mode { SYNC, ASYNC }

    public static final class Sample {
        private String brokerName;
        private boolean auto;
        private Mode mode = Mode.ASYNC;
        private double ratio;
        private long size;

        public String getBrokerName() {
            return brokerName;
        }

        public void setBrokerName(String brokerName) {
            this.brokerName = brokerName;
        }

        public boolean isAuto() {
            return auto;
        }

        public void setAuto(boolean auto) {
            this.auto = auto;
        }

        public Mode getMode() {
            return mode;
        }

        public void setMode(Mode mode) {
            this.mode = mode;
        }

        public double getRatio() {
            return ratio;
        }

        public void setRatio(double ratio) {
            this.ratio = ratio;
        }

        public long getSize() {
            return size;
        }

        public void setSize(long size) {
            this.size = size;
        }

        /** Read-only: not a configuration property. */
        public String getDescription() {
            return "sample";
        }
    }

    public static final class Transport {
        private int listenPort = 9876;

        public int getListenPort() {
            return listenPort;
        }

        public void setListenPort(int listenPort) {
            this.listenPort = listenPort;
        }
    }
}
