package dev.lookout.core.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.GuardAction;
import dev.lookout.core.guard.GuardVerdict;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PiiGuardTest {
  private final PiiGuard guard =
      new PiiGuard(
          PiiDetector.withTypes(EnumSet.of(PiiType.EMAIL, PiiType.US_SSN)),
          new PiiRedactor(RedactionMode.PLACEHOLDER, null));

  @Test
  void nameIsPii() {
    assertThat(guard.name()).isEqualTo("pii");
  }

  @Test
  void redactsFoundValues() {
    GuardVerdict verdict = guard.check("I am bob@example.com, SSN 536-32-3065", Direction.INPUT);
    assertThat(verdict.action()).isEqualTo(GuardAction.REDACT);
    assertThat(verdict.text()).isEqualTo("I am [EMAIL], SSN [US_SSN]");
  }

  @Test
  void reasonsNameTypesOnly() {
    GuardVerdict verdict = guard.check("I am bob@example.com, SSN 536-32-3065", Direction.OUTPUT);
    assertThat(verdict.reasons()).containsExactly("pii:EMAIL", "pii:US_SSN");
  }

  @Test
  void findingsPointIntoOriginal() {
    GuardVerdict verdict = guard.check("I am bob@example.com", Direction.INPUT);
    assertThat(verdict.findings()).hasSize(1);
    assertThat(verdict.findings().get(0).start()).isEqualTo(5);
  }

  @Test
  void passesCleanText() {
    GuardVerdict verdict = guard.check("What is the capital of France?", Direction.INPUT);
    assertThat(verdict.action()).isEqualTo(GuardAction.PASS);
  }

  @Test
  void broadGuardRedactsName() {
    PiiGuard guard =
        new PiiGuard(PiiDetector.broad(), new PiiRedactor(RedactionMode.PLACEHOLDER, null));
    GuardVerdict verdict = guard.check("Date: 2001-01-01\nName: Julie Eriksson\n", Direction.INPUT);
    assertThat(verdict.reasons()).contains("pii:PERSON");
  }

  @Test
  void defaultGuardPassesEverydayWords() {
    GuardVerdict verdict = PiiGuard.defaults().check("What is 2+2? Thanks!", Direction.INPUT);
    assertThat(verdict.action()).isEqualTo(GuardAction.PASS);
  }
}
