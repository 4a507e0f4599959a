package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IbanDetectorTest {
  private final IbanDetector detector = new IbanDetector();

  @Test
  void findsSolidIban() {
    assertThat(Spans.of(detector, "IBAN GB82WEST12345698765432 please"))
        .containsExactly("GB82WEST12345698765432");
  }

  @Test
  void findsGroupedIban() {
    assertThat(Spans.of(detector, "DE89 3704 0044 0532 0130 00."))
        .containsExactly("DE89 3704 0044 0532 0130 00");
  }

  @Test
  void findsLowerCaseIban() {
    assertThat(Spans.of(detector, "gb82west12345698765432"))
        .containsExactly("gb82west12345698765432");
  }

  @Test
  void rejectsBadChecksum() {
    assertThat(Spans.of(detector, "GB83WEST12345698765432")).isEmpty();
  }

  @Test
  void rejectsWrongLengthForCountry() {
    assertThat(IbanDetector.valid("GB82WEST1234569876543")).isFalse();
  }

  @Test
  void rejectsUnknownCountry() {
    assertThat(IbanDetector.valid("ZZ82WEST12345698765432")).isFalse();
  }
}
