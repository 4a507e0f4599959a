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
  void findsIbanBeforeWord() {
    assertThat(Spans.of(detector, "IBAN AT890169525969644659 by Friday"))
        .containsExactly("AT890169525969644659");
  }

  @Test
  void findsGroupedIbanBeforeWord() {
    assertThat(Spans.of(detector, "to ES83 3578 2793 5773 3512 4224 please"))
        .containsExactly("ES83 3578 2793 5773 3512 4224");
  }

  @Test
  void findsDashedIban() {
    assertThat(Spans.of(detector, "IBAN HU86-5432-3688-8969-6609-4682-0426."))
        .containsExactly("HU86-5432-3688-8969-6609-4682-0426");
  }

  @Test
  void rejectsMixedSeparators() {
    assertThat(Spans.of(detector, "HU86-5432 3688-8969-6609-4682-0426")).isEmpty();
  }

  @Test
  void rejectsIbanRunningOn() {
    assertThat(Spans.of(detector, "AT890169525969644659X")).isEmpty();
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

  @Test
  void findsIbanBeforeJapanese() {
    assertThat(Spans.of(detector, "口座：NL98RABO5974157384まで")).containsExactly("NL98RABO5974157384");
  }

  @Test
  void findsIbanAfterSwiftSubfieldCode() {
    String text = ":86:166?00SEPA-UEBERWEISUNG?32Stadtwerke Bonn?38DE89370400440532013000 |";
    assertThat(Spans.of(detector, text)).containsExactly("DE89370400440532013000");
  }

  @Test
  void skipsIbanGluedToDigits() {
    assertThat(Spans.of(detector, "ref 38DE89370400440532013000")).isEmpty();
  }
}
