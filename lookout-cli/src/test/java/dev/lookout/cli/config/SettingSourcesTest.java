package dev.lookout.cli.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An invalid value's error starts with what the user typed: the variable, the flag or the file. */
class SettingSourcesTest {
  @TempDir Path dir;

  @Test
  void nonNumericVariableIsNamed() {
    assertThatThrownBy(() -> driftWith("LOOKOUT_DRIFT_WINDOW_SIZE", "abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "LOOKOUT_DRIFT_WINDOW_SIZE=abc: drift.window_size must be a whole number, got 'abc'");
  }

  @Test
  void driftVariableOutOfRangeIsNamed() {
    assertThatThrownBy(() -> driftWith("LOOKOUT_DRIFT_PERMUTATIONS", "298"))
        .hasMessageStartingWith(
            "LOOKOUT_DRIFT_PERMUTATIONS=298: drift.permutations must be 399 to 1000000");
  }

  @Test
  void variableOutOfRangeIsNamed() {
    assertThatThrownBy(
            () -> new ConfigLoader(Map.of("LOOKOUT_PORT", "70000")).load(new ServeOptions()))
        .hasMessage("LOOKOUT_PORT=70000: port must be between 0 and 65535, got 70000");
  }

  @Test
  void variableOverFileIsNamed() throws Exception {
    ServeOptions flags = config("shutdown_grace: 30s\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of("LOOKOUT_SHUTDOWN_GRACE", "soon")).load(flags))
        .hasMessageStartingWith(
            "LOOKOUT_SHUTDOWN_GRACE=soon: shutdown_grace must be a whole number");
  }

  @Test
  void variableInOtherCheckIsNamed() {
    assertThatThrownBy(() -> driftWith("LOOKOUT_DRIFT_ALPHA", "0.001"))
        .hasMessageStartingWith("LOOKOUT_DRIFT_ALPHA=0.001: drift.permutations must be");
  }

  @Test
  void captureVariableIsNotAFlag() {
    assertThatThrownBy(
            () -> new ConfigLoader(Map.of("LOOKOUT_CAPTURE", "some")).load(new ServeOptions()))
        .hasMessage("LOOKOUT_CAPTURE=some: capture.mode must be off, redacted or full, got 'some'");
  }

  @Test
  void flagValueWithSpacesIsQuoted() {
    ServeOptions flags = new ServeOptions();
    flags.upstreamTimeout = "ten seconds";

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags))
        .hasMessageStartingWith(
            "--upstream-timeout 'ten seconds': upstream_timeout must be a whole number");
  }

  @Test
  void flagOverVariableIsNamed() {
    ServeOptions flags = new ServeOptions();
    flags.anthropicUpstream = "ftp://example";

    assertThatThrownBy(
            () ->
                new ConfigLoader(Map.of("LOOKOUT_ANTHROPIC_UPSTREAM", "http://127.0.0.1:1"))
                    .load(flags))
        .hasMessageStartingWith(
            "--anthropic-upstream ftp://example: anthropic_upstream must be an http or https URL");
  }

  @Test
  void fileValueNamesFile() throws Exception {
    ServeOptions flags = config("drift:\n  enabled: true\n  window_size: 5\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags))
        .hasMessage(
            flags.config + ": drift.window_size must be at least 10, got 5; 200 is the default");
  }

  @Test
  void fileOnlyKeyNamesFile() throws Exception {
    ServeOptions flags = config("ui:\n  auth:\n    type: digest\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags))
        .hasMessage(flags.config + ": ui.auth.type must be bearer or basic, got 'digest'");
  }

  @Test
  void errorWithoutSettingIsUnchanged() {
    ConfigLoader loader = new ConfigLoader(Map.of("LOOKOUT_PROT", "9000"));

    assertThatThrownBy(() -> loader.load(new ServeOptions()))
        .hasMessageStartingWith("Unknown environment variable LOOKOUT_PROT;");
  }

  /** Loads the configuration with drift detection and {@code variable} set in the environment. */
  private static ServeConfig driftWith(String variable, String value) {
    return new ConfigLoader(Map.of("LOOKOUT_DRIFT_ENABLED", "true", variable, value))
        .load(new ServeOptions());
  }

  private ServeOptions config(String yaml) throws Exception {
    return ConfigFiles.flagsFor(dir, yaml);
  }
}
