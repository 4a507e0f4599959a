package dev.lookout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessStatsTest {
  @Test
  void cpuTicksSkipsCommandWithSpaces() {
    String stat =
        "1234 (my (odd) java) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 30 0 99";

    assertThat(ProcessStats.cpuTicksOf(stat)).isEqualTo(325);
  }

  @Test
  void ownProcessHasResidentMemory() {
    assertThat(ProcessStats.residentKib(ProcessHandle.current().pid())).isPresent();
  }

  @Test
  void missingProcessIsEmpty() {
    assertThat(ProcessStats.cpuTicks(Long.MAX_VALUE)).isEmpty();
  }
}
