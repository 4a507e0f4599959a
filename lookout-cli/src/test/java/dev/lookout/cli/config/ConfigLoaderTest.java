package dev.lookout.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static ServeOptions flags(Path config) {
    ServeOptions options = new ServeOptions();
    options.config = config;
    return options;
  }

  @Test
  void defaultsWithoutFile() {
    ServeConfig config = new ConfigLoader(Map.of()).load(new ServeOptions());

    assertThat(config.gateway().host()).isEqualTo("127.0.0.1");
    assertThat(config.gateway().port()).isEqualTo(8080);
    assertThat(config.gateway().upstream().toString()).isEqualTo("https://api.openai.com");
    assertThat(config.dataDir()).isEqualTo(Path.of("lookout-data"));
  }

  @Test
  void fileSetsValues() throws Exception {
    Path file =
        yaml(
            "port: 9000\nupstream: http://127.0.0.1:5000\nupstream_timeout: 30s\n"
                + "recorder:\n  queue_capacity: 50\n");

    ServeConfig config = new ConfigLoader(Map.of()).load(flags(file));

    assertThat(config.gateway().port()).isEqualTo(9000);
    assertThat(config.gateway().upstream().getPort()).isEqualTo(5000);
    assertThat(config.gateway().upstreamTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.queueCapacity()).isEqualTo(50);
  }

  @Test
  void environmentBeatsFile() throws Exception {
    Path file = yaml("port: 9000\n");

    ServeConfig config = new ConfigLoader(Map.of("LOOKOUT_PORT", "9100")).load(flags(file));

    assertThat(config.gateway().port()).isEqualTo(9100);
  }

  @Test
  void flagBeatsEnvironment() throws Exception {
    ServeOptions options = flags(yaml("port: 9000\n"));
    options.port = 9200;

    ServeConfig config = new ConfigLoader(Map.of("LOOKOUT_PORT", "9100")).load(options);

    assertThat(config.gateway().port()).isEqualTo(9200);
  }

  @Test
  void bufferedBodyBytesFromFileAndEnvironment() throws Exception {
    Path file = yaml("max_buffered_body_bytes: 1048576\n");

    ServeConfig fromFile = new ConfigLoader(Map.of()).load(flags(file));
    ServeConfig fromEnvironment =
        new ConfigLoader(Map.of("LOOKOUT_MAX_BUFFERED_BODY_BYTES", "2097152")).load(flags(file));

    assertThat(fromFile.gateway().maxBufferedBodyBytes()).isEqualTo(1_048_576);
    assertThat(fromEnvironment.gateway().maxBufferedBodyBytes()).isEqualTo(2_097_152);
  }

  @Test
  void bufferedBodyBytesDefaultsToEighthOfHeap() {
    ServeConfig config = new ConfigLoader(Map.of()).load(new ServeOptions());

    assertThat(config.gateway().maxBufferedBodyBytes())
        .isEqualTo(Runtime.getRuntime().maxMemory() / 8);
  }

  @Test
  void zeroBufferedBodyBytesIsRejected() throws Exception {
    Path file = yaml("max_buffered_body_bytes: 0\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max_buffered_body_bytes must be positive, got 0");
  }

  @Test
  void unknownKeyNamesKey() throws Exception {
    Path file = yaml("prot: 9000\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'prot'");
  }

  @Test
  void nestedUnknownKeyNamesPath() throws Exception {
    Path file = yaml("guards:\n  injection:\n    treshold: 0.9\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'guards.injection.treshold'");
  }

  @Test
  void badPortNamesSetting() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of("LOOKOUT_PORT", "eighty")).load(flags(null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port")
        .hasMessageContaining("eighty");
  }

  @Test
  void badUpstreamNamesValue() {
    ServeOptions options = new ServeOptions();
    options.upstream = "api.openai.com";

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("api.openai.com");
  }

  @Test
  void badDurationNamesSetting() {
    ServeOptions options = new ServeOptions();
    options.upstreamTimeout = "ten seconds";

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("upstream_timeout");
  }

  @Test
  void missingFileIsReported() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(missing)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope.yaml");
  }

  @Test
  void floatPortIsRejected() throws Exception {
    Path file = yaml("port: 9000.5\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'port'");
  }

  @Test
  void duplicateKeyIsRejected() throws Exception {
    Path file = yaml("port: 9000\nport: 9001\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read configuration file "
                + file
                + ": duplicate key 'port' at line 2, column 5; keep one of them");
  }

  @Test
  void yamlSyntaxErrorIsOneLine() throws Exception {
    Path file = yaml("port: [1\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot read configuration file " + file + ": invalid YAML at line")
        .hasMessageContaining("expected ',' or ']'")
        .hasMessageNotContaining("\n");
  }

  @Test
  void unknownKeySuggestsClosest() throws Exception {
    Path file = yaml("drift:\n  enabeld: true\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .hasMessageContaining(
            "Unknown key 'drift.enabeld' in " + file + "; did you mean 'enabled'?")
        .hasMessageContaining("Known keys at that level: alpha, baseline_size, check_every,");
  }

  @Test
  void unknownVariableSuggestsClosest() {
    assertThatThrownBy(
            () -> new ConfigLoader(Map.of("LOOKOUT_DRIFT_ENABLE", "true")).load(flags(null)))
        .hasMessageStartingWith(
            "Unknown environment variable LOOKOUT_DRIFT_ENABLE; did you mean"
                + " LOOKOUT_DRIFT_ENABLED? Unset it or use a known one: LOOKOUT_ANTHROPIC_UPSTREAM,");
  }

  @Test
  void budgetErrorNamesFileAndEntry() throws Exception {
    Path file = yaml("budgets:\n  - scope: user\n    daily_usd: 1\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .hasMessage(
            file
                + ": budgets[0]: budget for user without an id needs a scope (key, user or team)"
                + " and an id");
  }

  @Test
  void typeErrorNamesNestedKey() throws Exception {
    Path file = yaml("recorder:\n  queue_capacity: lots\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recorder.queue_capacity");
  }

  @Test
  void unknownVariableIsRejected() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of("LOOKOUT_PROT", "1")).load(flags(null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LOOKOUT_PROT");
  }

  @Test
  void budgetsAreRead() throws Exception {
    Path file =
        yaml(
            "users:\n  - id: alice\n    team: search\n"
                + "budgets:\n  - scope: team\n    id: search\n    daily_usd: 10.50\n");

    ServeConfig config = new ConfigLoader(Map.of()).load(flags(file));

    assertThat(config.access().ledger().budgets()).hasSize(1);
    assertThat(config.access().ledger().budgets().get(0).dailyUsd()).isEqualByComparingTo("10.50");
  }

  @Test
  void badBudgetScopeIsNamed() throws Exception {
    Path file = yaml("budgets:\n  - scope: org\n    id: x\n    daily_usd: 1\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'org'");
  }

  @Test
  void overflowingBudgetIsNamed() throws Exception {
    Path file = yaml("budgets:\n  - scope: user\n    id: x\n    daily_usd: 1e400\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("with at most 12 decimal places, got 1E+400");
  }

  @Test
  void overlongBudgetUserIsRejected() throws Exception {
    Path file =
        yaml("budgets:\n  - scope: user\n    id: " + "L".repeat(300) + "\n    daily_usd: 1\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is 300 characters");
  }

  @Test
  void budgetBelowStorePrecisionIsRejected() throws Exception {
    Path file = yaml("budgets:\n  - scope: user\n    id: x\n    daily_usd: 1e-400\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("with at most 12 decimal places, got 1E-400");
  }

  @Test
  void wordBudgetNamesValue() throws Exception {
    Path file = yaml("budgets:\n  - scope: user\n    id: x\n    daily_usd: ten\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid value 'ten' for key 'budgets[0].daily_usd'");
  }

  @Test
  void textForListNamesKey() throws Exception {
    Path file = yaml("guards:\n  pii:\n    phone_regions: TR\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .hasMessageContaining("guards.pii.phone_regions' in");
  }

  @Test
  void textForListGetsListExample() throws Exception {
    Path file = yaml("guards:\n  pii:\n    phone_regions: TR\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flags(file)))
        .hasMessageContaining("written [a, b]");
  }

  @Test
  void budgetKeepsEveryDigit() throws Exception {
    Path file = yaml("budgets:\n  - scope: user\n    id: x\n    daily_usd: 1234567.123456789012\n");

    ServeConfig config = new ConfigLoader(Map.of()).load(flags(file));

    assertThat(config.access().ledger().budgets().get(0).dailyUsd().toPlainString())
        .isEqualTo("1234567.123456789012");
  }
}
