package dev.lookout.core.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.guard.Finding;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiDetectorTest {
  @Test
  void resolvesOverlapByTrust() {
    List<Finding> kept =
        PiiDetector.resolveOverlaps(
            List.of(
                new Finding("PHONE", 0, 16, 0.9),
                new Finding("CREDIT_CARD", 0, 16, 0.95),
                new Finding("PERSON", 10, 20, 0.99)));
    assertThat(kept).containsExactly(new Finding("CREDIT_CARD", 0, 16, 0.95));
  }

  @Test
  void ibanWinsOverCardInsideIt() {
    List<Finding> findings = PiiDetector.defaults().detect("hu92 3629 0850 6482 7872 1960 5044");
    assertThat(findings).extracting(Finding::type).containsExactly("IBAN");
  }

  @Test
  void dropsFindingAcrossTwoKept() {
    List<Finding> kept =
        PiiDetector.resolveOverlaps(
            List.of(
                new Finding("EMAIL", 0, 10, 0.9),
                new Finding("EMAIL", 20, 30, 0.9),
                new Finding("PHONE", 8, 22, 0.9)));
    assertThat(kept).extracting(Finding::start).containsExactly(0, 20);
  }

  @Test
  void keepsFindingInGapBetweenKept() {
    List<Finding> kept =
        PiiDetector.resolveOverlaps(
            List.of(
                new Finding("EMAIL", 0, 10, 0.9),
                new Finding("EMAIL", 20, 30, 0.9),
                new Finding("PHONE", 10, 20, 0.9)));
    assertThat(kept).extracting(Finding::start).containsExactly(0, 10, 20);
  }

  @Test
  void dropsFindingInsideLaterKept() {
    List<Finding> kept =
        PiiDetector.resolveOverlaps(
            List.of(
                new Finding("EMAIL", 0, 5, 0.9),
                new Finding("EMAIL", 20, 40, 0.9),
                new Finding("PHONE", 25, 30, 0.9)));
    assertThat(kept).extracting(Finding::start).containsExactly(0, 20);
  }

  @Test
  void keepsDisjointFindingsSorted() {
    List<Finding> kept =
        PiiDetector.resolveOverlaps(
            List.of(new Finding("EMAIL", 20, 30, 0.9), new Finding("PHONE", 0, 10, 0.9)));
    assertThat(kept).extracting(Finding::start).containsExactly(0, 20);
  }

  @Test
  void reportsOnlyEnabledTypes() {
    PiiDetector detector = PiiDetector.withTypes(EnumSet.of(PiiType.EMAIL));
    List<Finding> findings = detector.detect("mail a@example.com, card 4111111111111111");
    assertThat(findings).extracting(Finding::type).containsExactly("EMAIL");
  }

  @Test
  void findsMixedTypes() {
    String text = "Card 4111111111111111, SSN 536-32-3065, from 10.1.2.3";
    List<Finding> findings = PiiDetector.defaults().detect(text);
    assertThat(findings)
        .extracting(Finding::type)
        .containsExactly("CREDIT_CARD", "US_SSN", "IP_ADDRESS");
  }

  @Test
  void defaultsLeaveOutPerson() {
    assertThat(PiiDetector.defaults().enabledTypes()).doesNotContain(PiiType.PERSON);
  }

  @Test
  void broadLeavesOutLocation() {
    assertThat(PiiDetector.broad().enabledTypes()).doesNotContain(PiiType.LOCATION);
  }

  @Test
  void findsNothingInPlainText() {
    assertThat(PiiDetector.defaults().detect("the quick brown fox jumps over the lazy dog"))
        .isEmpty();
  }

  @Test
  void phoneRegionsFindNationalNumber() {
    PiiDetector turkey = PiiDetector.withTypes(EnumSet.of(PiiType.PHONE), List.of("TR"));

    assertThat(turkey.detect("Telefon: 0501 234 40 22")).hasSize(1);
  }

  @Test
  void otherRegionMissesNationalNumber() {
    PiiDetector us = PiiDetector.withTypes(EnumSet.of(PiiType.PHONE), List.of("US"));

    assertThat(us.detect("Telefon: 0501 234 40 22")).isEmpty();
  }
}
