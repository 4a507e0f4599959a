package dev.lookout.core.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.guard.Direction;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Prints the latency of the default PII guard on a 2 KB prompt with some PII in it. It prints
 * percentiles and asserts nothing about time, because timings depend on the machine and its load.
 */
class PiiSpeedTest {
  private static final String CHUNK =
      "Hello, my name is Julie Eriksson and I live at 4022 Oakridge Lane, Springfield. "
          + "Call me on (505)498-8487x6837 or write to julie.eriksson@example.com. "
          + "My card 4111 1111 1111 1111 was charged twice on 2024-03-01 by order 88123. "
          + "Please check why the export job failed with error code 17 after 30 seconds. ";

  @Test
  void printsLatencyOf2kbPrompt() {
    StringBuilder text = new StringBuilder();
    while (text.length() < 2048) {
      text.append(CHUNK);
    }
    String prompt = text.substring(0, 2048);
    PiiGuard guard = PiiGuard.defaults();
    for (int i = 0; i < 2_000; i++) {
      guard.check(prompt, Direction.INPUT);
    }
    int runs = 5_000;
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      guard.check(prompt, Direction.INPUT);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "PII guard on 2048 chars: p50 %d us, p99 %d us, max %d us over %d runs%n",
        nanos[runs / 2] / 1000, nanos[runs * 99 / 100] / 1000, nanos[runs - 1] / 1000, runs);
    assertThat(guard.check(prompt, Direction.INPUT).findings()).isNotEmpty();
  }
}
