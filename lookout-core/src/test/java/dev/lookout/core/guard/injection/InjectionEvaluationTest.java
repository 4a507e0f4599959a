package dev.lookout.core.guard.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InjectionEvaluationTest {
  @TempDir Path dir;

  private List<LabeledText> handMadeRows() throws Exception {
    Path file = dir.resolve("tiny.jsonl");
    Files.writeString(
        file,
        String.join(
            "\n",
            "{\"text\": \"a\", \"label\": 1, \"source\": \"x\"}",
            "{\"text\": \"b\", \"label\": 1, \"source\": \"x\"}",
            "{\"text\": \"c\", \"label\": 0, \"source\": \"x\"}",
            "",
            "{\"text\": \"d\", \"label\": 1, \"source\": \"y\"}",
            "{\"text\": \"e\", \"label\": 0, \"source\": \"y\"}",
            "{\"text\": \"f\", \"label\": 0, \"source\": \"y\"}"));
    return InjectionDataset.read(file);
  }

  @Test
  void countsOverallMetrics() throws Exception {
    List<LabeledText> rows = handMadeRows();
    // Flagged at 0.5: a (TP), c (FP), d (TP). Missed: b (FN). Passed: e, f (TN).
    double[] scores = {0.9, 0.1, 0.6, 0.5, 0.2, 0.0};

    InjectionEvaluation.Metrics overall = InjectionEvaluation.evaluate(rows, scores, 0.5).overall();

    assertThat(overall.n()).isEqualTo(6);
    assertThat(overall.precision()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(overall.recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(overall.f1()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(overall.falsePositiveRate()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void countsMetricsPerSource() throws Exception {
    double[] scores = {0.9, 0.1, 0.6, 0.5, 0.2, 0.0};

    InjectionEvaluation.Report report = InjectionEvaluation.evaluate(handMadeRows(), scores, 0.5);
    InjectionEvaluation.Metrics x = report.bySource().get("x");
    InjectionEvaluation.Metrics y = report.bySource().get("y");

    assertThat(report.bySource()).containsOnlyKeys("x", "y");
    assertThat(x.recall()).isEqualTo(0.5);
    assertThat(x.falsePositiveRate()).isEqualTo(1.0);
    assertThat(y.precision()).isEqualTo(1.0);
    assertThat(y.falsePositiveRate()).isEqualTo(0.0);
  }

  @Test
  void undefinedMetricIsNaN() throws Exception {
    List<LabeledText> benignOnly = List.of(new LabeledText("hi", false, "z"));

    InjectionEvaluation.Metrics metrics =
        InjectionEvaluation.evaluate(benignOnly, new double[] {0.0}, 0.5).overall();

    assertThat(metrics.recall()).isNaN();
    assertThat(metrics.precision()).isNaN();
    assertThat(metrics.falsePositiveRate()).isEqualTo(0.0);
  }
}
