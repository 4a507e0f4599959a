package dev.lookout.core.guard.injection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.fixtures.RecordedFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectionTrainerTest {
  private static final InjectionTrainer.Settings SMALL =
      new InjectionTrainer.Settings(14, 1024, 512, 6, 0.3, 1e-5, 7L, 0.5);

  /** Every 20th row of the training file: about 200 rows from every source. */
  private static List<LabeledText> sample() throws Exception {
    List<LabeledText> rows =
        InjectionDataset.read(
            RecordedFixtures.dataDir().resolve("guardrails/injection-train.jsonl"));
    List<LabeledText> sample = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += 20) {
      sample.add(rows.get(i));
    }
    return sample;
  }

  @Test
  void sameRowsGiveSameWeights() throws Exception {
    List<LabeledText> rows = sample();
    InjectionTrainer trainer = new InjectionTrainer(SMALL);

    LinearModel first = trainer.fit(trainer.prepare(rows));
    LinearModel second = trainer.fit(trainer.prepare(rows));

    assertThat(second.weights).isEqualTo(first.weights);
    assertThat(second.signalWeights).isEqualTo(first.signalWeights);
    assertThat(second.bias).isEqualTo(first.bias);
  }

  @Test
  void trainedModelSeparatesItsRows() throws Exception {
    List<LabeledText> rows = sample();
    InjectionClassifier classifier = new InjectionTrainer(SMALL).train(rows);

    InjectionEvaluation.Metrics metrics = InjectionEvaluation.evaluate(rows, classifier).overall();

    assertThat(metrics.n()).isEqualTo(rows.size());
    assertThat(metrics.recall()).isGreaterThan(0.9);
    assertThat(metrics.falsePositiveRate()).isLessThan(0.1);
  }

  @Test
  void writtenModelReadsBackIdentical() throws Exception {
    InjectionTrainer trainer = new InjectionTrainer(SMALL);
    LinearModel model = trainer.fit(trainer.prepare(sample()));
    model.threshold = 0.625;
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    model.write(out);
    LinearModel read = LinearModel.read(new ByteArrayInputStream(out.toByteArray()));

    assertThat(read.weights).isEqualTo(model.weights);
    assertThat(read.signalWeights).isEqualTo(model.signalWeights);
    assertThat(read.bias).isEqualTo(model.bias);
    assertThat(read.threshold).isEqualTo(0.625);
    assertThat(read.window).isEqualTo(1024);
  }

  @Test
  void thresholdRuleKeepsFalsePositiveRate() {
    List<InjectionTrainer.PreparedRow> rows = new ArrayList<>();
    double[] scores = new double[100];
    for (int i = 0; i < 100; i++) {
      rows.add(new InjectionTrainer.PreparedRow(List.of(), List.of(), false, "a/b"));
      scores[i] = i / 100.0;
    }

    double threshold = SourceValidation.thresholdForFalsePositiveRate(rows, scores, 0.03);

    // Three benign scores (0.97, 0.98, 0.99) may be flagged; 0.96 must not be.
    assertThat(threshold).isGreaterThan(0.96);
    assertThat(threshold).isLessThanOrEqualTo(0.97);
  }

  @Test
  void groupIsOwnerAndRepository() {
    assertThat(SourceValidation.group("owner/repo/data/file.jsonl")).isEqualTo("owner/repo");
    assertThat(SourceValidation.group("local")).isEqualTo("local");
  }
}
