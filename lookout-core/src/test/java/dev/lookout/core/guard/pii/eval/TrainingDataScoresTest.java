package dev.lookout.core.guard.pii.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.fixtures.RecordedFixtures;
import dev.lookout.core.guard.pii.PiiDetector;
import dev.lookout.core.guard.pii.PiiType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the detectors on the labelled PII training file. The rule-based types must reach F1 0.95
 * on the whole file and on the validation templates; the tagged types are printed only.
 */
class TrainingDataScoresTest {
  /** The default types that the labelled file has spans of: all but SECRET. */
  private static final Set<PiiType> STRUCTURED = structured();

  private static final double MIN_F1 = 0.95;

  private static List<LabelledText> all;
  private static PiiDetector detector;

  @BeforeAll
  static void load() throws IOException {
    Path file = RecordedFixtures.dataDir().resolve("guardrails/pii-train.jsonl");
    all = PiiDataset.read(file);
    detector = PiiDetector.withTypes(EnumSet.allOf(PiiType.class));
  }

  @Test
  void structuredTypesOnWholeFile() {
    PiiEvaluation evaluation = PiiEvaluation.evaluate(detector, all);
    for (PiiType type : STRUCTURED) {
      assertThat(evaluation.byType().get(type.name()).f1()).as(type.name()).isGreaterThan(MIN_F1);
    }
  }

  @Test
  void structuredTypesOnValidation() {
    PiiEvaluation evaluation = PiiEvaluation.evaluate(detector, TemplateSplit.of(all).validation());
    print("validation", evaluation);
    for (PiiType type : STRUCTURED) {
      TypeScore score = evaluation.byType().get(type.name());
      assertThat(score.support()).as(type.name() + " support").isPositive();
      assertThat(score.f1()).as(type.name()).isGreaterThan(MIN_F1);
    }
  }

  @Test
  void taggedTypesFindMostNames() {
    PiiEvaluation evaluation = PiiEvaluation.evaluate(detector, TemplateSplit.of(all).validation());
    // A floor far below the measured score: it catches a broken model file, not small drifts.
    assertThat(evaluation.byType().get("PERSON").f1()).isGreaterThan(0.6);
    assertThat(evaluation.byType().get("ADDRESS").f1()).isGreaterThan(0.6);
  }

  private static void print(String side, PiiEvaluation evaluation) {
    evaluation
        .byType()
        .forEach(
            (type, score) ->
                System.out.printf(
                    "%s %-12s P=%.3f R=%.3f F1=%.3f n=%d%n",
                    side, type, score.precision(), score.recall(), score.f1(), score.support()));
  }

  private static Set<PiiType> structured() {
    Set<PiiType> types = EnumSet.copyOf(PiiDetector.DEFAULT_TYPES);
    types.remove(PiiType.SECRET);
    return types;
  }
}
