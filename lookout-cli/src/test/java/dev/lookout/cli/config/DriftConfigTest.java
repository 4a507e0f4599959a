package dev.lookout.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.gateway.drift.DriftMonitorSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftConfigTest {
  @TempDir Path dir;

  @Test
  void offByDefault() {
    assertThat(new ConfigLoader(Map.of()).load(new ServeOptions()).drift()).isNull();
  }

  @Test
  void invalidValueStopsStartWhileOff() {
    ConfigLoader loader = new ConfigLoader(Map.of("LOOKOUT_DRIFT_WINDOW_SIZE", "abc"));
    assertThatThrownBy(() -> loader.load(new ServeOptions()))
        .hasMessageContaining("drift.window_size must be a whole number");
  }

  @Test
  void outOfRangeFileValueStopsStartWhileOff() throws Exception {
    ServeOptions flags = config("drift:\n  window_size: 5\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validValuesLeaveDriftOff() {
    assertThat(
            new ConfigLoader(Map.of("LOOKOUT_DRIFT_WINDOW_SIZE", "50"))
                .load(new ServeOptions())
                .drift())
        .isNull();
  }

  @Test
  void fileSetsDriftValues() throws Exception {
    ServeOptions flags =
        config(
            "drift:\n  enabled: true\n  sample_rate: 0.25\n  baseline_size: 300\n"
                + "  window_size: 100\n  alpha: 0.05\n  check_every: 25\n"
                + "  webhook: http://127.0.0.1:9000/hook\n");
    DriftMonitorSettings drift = new ConfigLoader(Map.of()).load(flags).drift();
    assertThat(drift.sampleRate()).isEqualTo(0.25);
    assertThat(drift.test().baselineSize()).isEqualTo(300);
    assertThat(drift.test().windowSize()).isEqualTo(100);
    assertThat(drift.test().alpha()).isEqualTo(0.05);
    assertThat(drift.test().checkEvery()).isEqualTo(25);
    assertThat(drift.webhook()).hasToString("http://127.0.0.1:9000/hook");
  }

  @Test
  void environmentEnablesDrift() {
    DriftMonitorSettings drift =
        new ConfigLoader(Map.of("LOOKOUT_DRIFT_ENABLED", "true", "LOOKOUT_DRIFT_WINDOW_SIZE", "50"))
            .load(new ServeOptions())
            .drift();
    assertThat(drift.test().windowSize()).isEqualTo(50);
    assertThat(drift.test().baselineSize()).isEqualTo(500);
  }

  @Test
  void maxTemplatesDefaultsTo500() {
    DriftMonitorSettings drift =
        new ConfigLoader(Map.of("LOOKOUT_DRIFT_ENABLED", "true")).load(new ServeOptions()).drift();
    assertThat(drift.maxTemplates()).isEqualTo(500);
  }

  @Test
  void environmentSetsMaxTemplates() {
    DriftMonitorSettings drift =
        new ConfigLoader(
                Map.of("LOOKOUT_DRIFT_ENABLED", "true", "LOOKOUT_DRIFT_MAX_TEMPLATES", "2000"))
            .load(new ServeOptions())
            .drift();
    assertThat(drift.maxTemplates()).isEqualTo(2000);
  }

  @Test
  void fileMaxTemplatesOutOfRangeFails() throws Exception {
    ServeOptions flags = config("drift:\n  enabled: true\n  max_templates: 0\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags))
        .hasMessageContaining("drift.max_templates must be between 1 and 10000, got 0");
  }

  @Test
  void flagBeatsFile() throws Exception {
    ServeOptions flags = config("drift:\n  enabled: false\n");
    flags.drift = true;
    flags.driftSampleRate = "0.5";
    assertThat(new ConfigLoader(Map.of()).load(flags).drift().sampleRate()).isEqualTo(0.5);
  }

  @Test
  void invalidSampleRateNamesSetting() throws Exception {
    ServeOptions flags = config("drift:\n  enabled: true\n  sample_rate: 2\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags))
        .hasMessageContaining("drift.sample_rate");
  }

  @Test
  void environmentSetsPermutations() {
    DriftMonitorSettings drift =
        new ConfigLoader(
                Map.of("LOOKOUT_DRIFT_ENABLED", "true", "LOOKOUT_DRIFT_PERMUTATIONS", "499"))
            .load(new ServeOptions())
            .drift();
    assertThat(drift.test().permutations()).isEqualTo(499);
  }

  @Test
  void hugeQueueCapacityNamesSetting() throws Exception {
    ServeOptions flags = config("drift:\n  enabled: true\n  queue_capacity: 2147483647\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags))
        .hasMessageContaining("drift.queue_capacity must be at most");
  }

  @Test
  void hugePermutationsRejected() throws Exception {
    ServeOptions flags = config("drift:\n  enabled: true\n  permutations: 2147483647\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags))
        .hasMessageContaining("drift.permutations must be 399 to 1000000");
  }

  @Test
  void negativePermutationsRejected() throws Exception {
    ServeOptions flags = config("drift:\n  enabled: true\n  permutations: -5\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags)).hasMessageContaining("got -5");
  }

  private ServeOptions config(String yaml) throws Exception {
    return ConfigFiles.flagsFor(dir, yaml);
  }
}
