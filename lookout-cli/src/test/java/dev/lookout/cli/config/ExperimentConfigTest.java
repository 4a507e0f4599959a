package dev.lookout.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.core.experiment.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentConfigTest {
  @TempDir Path dir;

  private Experiment load(String yaml) throws Exception {
    Path config = dir.resolve("lookout.yaml");
    Files.writeString(config, yaml);
    ServeOptions options = new ServeOptions();
    options.config = config;
    return new ConfigLoader(Map.of()).load(options).experiments().get(0);
  }

  @Test
  void readsEveryKey() throws Exception {
    Files.createDirectories(dir.resolve("prompts"));
    Files.writeString(dir.resolve("prompts/b.txt"), "Be {{style}}.");

    Experiment experiment =
        load(
            "experiments:\n"
                + "  - id: tone\n"
                + "    control: b\n"
                + "    metrics: [thumbs_up, cost_usd]\n"
                + "    mde: 0.05\n"
                + "    start: 2026-12-01\n"
                + "    stop: 2026-12-31T12:00:00Z\n"
                + "    variants:\n"
                + "      - {name: a, weight: 3, template: 'Be brief.'}\n"
                + "      - {name: b, template_ref: prompts/b.txt}\n");

    assertThat(experiment.id()).isEqualTo("tone");
    assertThat(experiment.control()).isEqualTo("b");
    assertThat(experiment.metrics()).containsExactly("thumbs_up", "cost_usd");
    assertThat(experiment.mde()).isEqualTo(0.05);
    assertThat(experiment.start()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(experiment.stop()).isEqualTo(Instant.parse("2026-12-31T12:00:00Z"));
    assertThat(experiment.normalisedWeights()).containsExactly(0.75, 0.25);
    assertThat(experiment.variants().get(1).template()).isEqualTo("Be {{style}}.");
  }

  @Test
  void templateAndRefConflict() {
    assertThatThrownBy(
            () ->
                load(
                    "experiments:\n  - id: t\n    variants:\n"
                        + "      - {name: a, template: x, template_ref: y.txt}\n"
                        + "      - {name: b}\n"))
        .hasMessageContaining("experiments[0]")
        .hasMessageContaining("keep one");
  }

  @Test
  void invalidStartIsNamed() {
    assertThatThrownBy(
            () ->
                load(
                    "experiments:\n  - id: t\n    start: yesterday\n"
                        + "    variants: [{name: a}, {name: b}]\n"))
        .hasMessageContaining("start must be an ISO-8601 time");
  }

  @Test
  void duplicateIdsRejected() {
    assertThatThrownBy(
            () ->
                load(
                    "experiments:\n"
                        + "  - {id: t, variants: [{name: a}, {name: b}]}\n"
                        + "  - {id: t, variants: [{name: a}, {name: b}]}\n"))
        .hasMessageContaining("used twice");
  }

  @Test
  void unknownKeyRejected() {
    assertThatThrownBy(
            () ->
                load(
                    "experiments:\n  - id: t\n    wieght: 1\n"
                        + "    variants: [{name: a}, {name: b}]\n"))
        .hasMessageContaining("wieght");
  }

  @Test
  void metricWithSpaceRejected() {
    assertThatThrownBy(
            () ->
                load(
                    "experiments:\n  - id: tone\n    metrics: ['thumbs up']\n"
                        + "    variants: [{name: a}, {name: b}]\n"))
        .hasMessageContaining("experiments[0]: metrics[0] 'thumbs up' can never receive feedback");
  }

  @Test
  void emptyMetricRejected() {
    assertThatThrownBy(
            () ->
                load(
                    "experiments:\n  - id: tone\n    metrics: ['']\n"
                        + "    variants: [{name: a}, {name: b}]\n"))
        .hasMessageContaining("metrics[0] ''");
  }
}
