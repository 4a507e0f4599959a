package dev.lookout.core.guard.pii.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.pii.PiiType;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiEvaluationTest {
  private static final LabelledText TEXT =
      new LabelledText(
          "x",
          List.of(
              new Finding("EMAIL", 0, 10, 1),
              new Finding("EMAIL", 20, 30, 1),
              new Finding("ORGANIZATION", 40, 50, 1)));
  private static final List<Finding> PREDICTED =
      List.of(
          new Finding("EMAIL", 5, 12, 0.9),
          new Finding("EMAIL", 60, 70, 0.9),
          new Finding("PHONE", 20, 30, 0.9));

  private final PiiEvaluation evaluation =
      PiiEvaluation.score(
          List.of(TEXT),
          List.of(PREDICTED),
          EnumSet.of(PiiType.EMAIL, PiiType.PHONE, PiiType.IBAN));

  @Test
  void overlapCountsAsCorrect() {
    assertThat(evaluation.byType().get("EMAIL").correctPredictions()).isEqualTo(1);
  }

  @Test
  void typePrecision() {
    assertThat(evaluation.byType().get("EMAIL").precision()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void typeRecall() {
    assertThat(evaluation.byType().get("EMAIL").recall()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void wrongTypeIsFalsePositive() {
    assertThat(evaluation.byType().get("PHONE").precision()).isEqualTo(0.0);
  }

  @Test
  void undetectedTypeOnlyInOverall() {
    assertThat(evaluation.byType()).doesNotContainKey("ORGANIZATION");
  }

  @Test
  void undetectedTypeCounted() {
    assertThat(evaluation.undetected()).containsEntry("ORGANIZATION", 1);
  }

  @Test
  void unusedTypeOmitted() {
    assertThat(evaluation.byType()).doesNotContainKey("IBAN");
  }

  @Test
  void overallSkipsUndetectedLabels() {
    assertThat(evaluation.overall().support()).isEqualTo(2);
  }

  @Test
  void overallRecall() {
    assertThat(evaluation.overall().recall()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void overallPrecision() {
    assertThat(evaluation.overall().precision()).isCloseTo(1 / 3.0, within(1e-9));
  }

  @Test
  void f1IsZeroWithoutPredictions() {
    assertThat(new TypeScore(5, 0, 0, 0).f1()).isEqualTo(0.0);
  }
}
