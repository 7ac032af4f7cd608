package io.apogee.bench.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcSampleTest {

    @Test
    void cpuSecondsAreUserPlusSystemTicksEvenWhenTheCommandHasSpaces() {
        String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 130 0 0 20 0 40 0 100 0 0";
        assertThat(ProcSample.cpuSeconds(stat, 100)).isEqualTo(3.8);
    }

    @Test
    void memoryComesFromStatus() {
        String status = "Name:\tjava\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nRssAnon:\t   51200 kB\nRssFile:\t 51200 kB\n";
        ProcSample m = ProcSample.memory(status);
        assertThat(m.hwmKib()).isEqualTo(204800);
        assertThat(m.rssKib()).isEqualTo(102400);
        assertThat(m.anonKib()).isEqualTo(51200);
    }

    @Test
    void aSampleOfThisProcessSeesSomeCpuAndMemory() {
        ProcSample self = ProcSample.of(ProcessHandle.current().pid(), MachineInfo.clockTicksPerSecond());
        assertThat(self.cpuSeconds()).isPositive();
        assertThat(self.rssKib()).isPositive();
    }

    @Test
    void sinceSubtractsCpuAndKeepsTheLaterMemory() {
        ProcSample later = new ProcSample(5, 300, 400, 200).since(new ProcSample(2, 100, 150, 50));
        assertThat(later).isEqualTo(new ProcSample(3, 300, 400, 200));
    }
}
