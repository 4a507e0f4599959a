package dev.lookout.bench.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.guard.GuardAction;
import org.junit.jupiter.api.Test;

class GuardBenchmarkTest {
  @Test
  void promptsAre2kb() {
    assertThat(GuardPrompts.named("pii")).hasSize(GuardPrompts.LENGTH);
  }

  @Test
  void prosePassesDefaultGuards() {
    GuardBenchmark benchmark = setUp("prose");
    assertThat(benchmark.defaultInputGuards().action()).isEqualTo(GuardAction.PASS);
  }

  @Test
  void personalDataIsRedacted() {
    GuardBenchmark benchmark = setUp("pii");
    assertThat(benchmark.defaultInputGuards().action()).isEqualTo(GuardAction.REDACT);
  }

  @Test
  void britishNumberIsRedacted() {
    GuardBenchmark benchmark = setUp("pii-gb");
    assertThat(benchmark.defaultInputGuards().text()).doesNotContain("7946 0958");
  }

  @Test
  void unknownPromptIsRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GuardPrompts.named("x"))
        .hasMessageContaining("expected prose, pii or pii-gb");
  }

  private static GuardBenchmark setUp(String prompt) {
    GuardBenchmark benchmark = new GuardBenchmark();
    benchmark.prompt = prompt;
    benchmark.setUp();
    return benchmark;
  }
}
