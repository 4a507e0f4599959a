package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SsnDetectorTest {
  private final SsnDetector detector = new SsnDetector();

  @Test
  void findsDashedNumber() {
    assertThat(Spans.of(detector, "SSN 536-32-3065 on file")).containsExactly("536-32-3065");
  }

  @Test
  void findsSolidNumberWithContext() {
    assertThat(Spans.of(detector, "social security number: 536323065"))
        .containsExactly("536323065");
  }

  @Test
  void findsDottedNumberWithContext() {
    assertThat(Spans.of(detector, "SSN 084.67.3574.")).containsExactly("084.67.3574");
  }

  @Test
  void skipsDottedNumberWithoutContext() {
    assertThat(Spans.of(detector, "see 084.67.3574")).isEmpty();
  }

  @Test
  void skipsSolidNumberWithoutContext() {
    assertThat(Spans.of(detector, "ref 536323065")).isEmpty();
  }

  @Test
  void skipsSpacedNumberWithoutContext() {
    assertThat(Spans.of(detector, "Suite 680 36 4022 Oakridge Lane")).isEmpty();
  }

  @Test
  void rejectsAreaZero() {
    assertThat(Spans.of(detector, "000-12-3456")).isEmpty();
  }

  @Test
  void rejectsArea666() {
    assertThat(Spans.of(detector, "666-12-3456")).isEmpty();
  }

  @Test
  void rejectsArea900s() {
    assertThat(Spans.of(detector, "912-12-3456")).isEmpty();
  }

  @Test
  void rejectsGroupZero() {
    assertThat(Spans.of(detector, "123-00-3456")).isEmpty();
  }

  @Test
  void rejectsSerialZero() {
    assertThat(Spans.of(detector, "123-45-0000")).isEmpty();
  }

  @Test
  void rejectsAdvertisedNumber() {
    assertThat(Spans.of(detector, "078-05-1120")).isEmpty();
  }

  @Test
  void findsSsnAfterCamelCaseKey() {
    assertThat(Spans.of(detector, "patientSSN: 026-06-0538")).containsExactly("026-06-0538");
  }

  @Test
  void findsSolidNumberInSupportedList() {
    String text = "SSNs on file: 454-19-6564, 844 82 5658 and 435778404.";
    assertThat(Spans.of(detector, text)).contains("435778404");
  }

  @Test
  void listNeedsSupportedStart() {
    assertThat(Spans.of(detector, "IDs 454-19-6564, 435778404")).containsExactly("454-19-6564");
  }

  @Test
  void listEndsAtOtherWords() {
    String text = "SSN 454-19-6564 was checked against the ledger total 435778404";
    assertThat(Spans.of(detector, text)).containsExactly("454-19-6564");
  }

  @Test
  void skipsRoutingNumberNearSsn() {
    String text = "SSN 536-32-3065, routing 322271627";
    assertThat(Spans.of(detector, text)).containsExactly("536-32-3065");
  }

  @Test
  void findsSolidNumberUnderSsnColumn() {
    String text = "name,ssn,dept\n\"Richard Taylor\",566706593,IT";
    assertThat(Spans.of(detector, text)).containsExactly("566706593");
  }

  @Test
  void skipsSolidNumberUnderOtherColumn() {
    String text = "name,employee_id,dept\n\"Richard Taylor\",566706593,IT";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void findsDashedNumberBeforeCsvField() {
    String text = "employee_id,ssn,ip,zip\nE30395,480-88-2319,172.27.87.37,74347";
    assertThat(Spans.of(detector, text)).containsExactly("480-88-2319");
  }

  @Test
  void skipsNumberAfterAccentedLetter() {
    assertThat(Spans.of(detector, "code é123-45-6789 ok")).isEmpty();
  }

  @Test
  void skipsNumberAfterLatinLetter() {
    assertThat(Spans.of(detector, "code a123-45-6789 ok")).isEmpty();
  }

  @Test
  void skipsNumberBeforeCyrillicLetter() {
    assertThat(Spans.of(detector, "код 123-45-6789ж")).isEmpty();
  }

  @Test
  void findsNumberAfterJapaneseLabel() {
    assertThat(Spans.of(detector, "社会保障番号123-45-6789です")).containsExactly("123-45-6789");
  }

  @Test
  void findsSpacedNumberUnderSqlColumn() {
    String text =
        "INSERT INTO customers (id, email, phone, ssn) VALUES\n"
            + "(4906, 'j.walsh@icloud.com', '(206) 841-7086', '760 53 1986'),\n";
    assertThat(Spans.of(detector, text)).containsExactly("760 53 1986");
  }

  @Test
  void findsSolidNumberUnderSqlColumn() {
    String text = "INSERT INTO t (id, ssn) VALUES (1, '516307689'), (2, '502968930');";
    assertThat(Spans.of(detector, text)).containsExactly("516307689", "502968930");
  }

  @Test
  void findsSolidNumberInQueryBesideAddress() {
    String text = "GET /signup?email=weiwang@gmail.com&ssn=770158555&zip=45755";
    assertThat(Spans.of(detector, text)).containsExactly("770158555");
  }
}
