package dev.lookout.core.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.core.guard.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {
  private static final byte[] KEY = "0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);
  private static final String TEXT = "mail bob@example.com or card 4111 1111 1111 1111";
  private static final List<Finding> FINDINGS =
      List.of(new Finding("EMAIL", 5, 20, 0.95), new Finding("CREDIT_CARD", 29, 48, 0.95));

  @Test
  void placeholderNamesType() {
    PiiRedactor redactor = new PiiRedactor(RedactionMode.PLACEHOLDER, null);
    assertThat(redactor.redact(TEXT, FINDINGS)).isEqualTo("mail [EMAIL] or card [CREDIT_CARD]");
  }

  @Test
  void maskKeepsLayoutAndCardTail() {
    PiiRedactor redactor = new PiiRedactor(RedactionMode.MASK, null);
    assertThat(redactor.redact(TEXT, FINDINGS))
        .isEqualTo("mail ***@*******.*** or card **** **** **** 1111");
  }

  @Test
  void hashHasTypeAndEightHexDigits() {
    PiiRedactor redactor = new PiiRedactor(RedactionMode.HASH, KEY);
    assertThat(redactor.replacement("EMAIL", "bob@example.com")).matches("\\[EMAIL:[0-9a-f]{8}]");
  }

  @Test
  void hashIsStableAcrossInstances() {
    String first = new PiiRedactor(RedactionMode.HASH, KEY).replacement("EMAIL", "bob@example.com");
    String second =
        new PiiRedactor(RedactionMode.HASH, KEY).replacement("EMAIL", "bob@example.com");
    assertThat(first).isEqualTo(second);
  }

  @Test
  void hashIgnoresCardSpacing() {
    PiiRedactor redactor = new PiiRedactor(RedactionMode.HASH, KEY);
    assertThat(redactor.replacement("CREDIT_CARD", "4111 1111 1111 1111"))
        .isEqualTo(redactor.replacement("CREDIT_CARD", "4111111111111111"));
  }

  @Test
  void hashDiffersByValue() {
    PiiRedactor redactor = new PiiRedactor(RedactionMode.HASH, KEY);
    assertThat(redactor.replacement("EMAIL", "bob@example.com"))
        .isNotEqualTo(redactor.replacement("EMAIL", "alice@example.com"));
  }

  @Test
  void hashDiffersByKey() {
    byte[] otherKey = "another-key-of-16-bytes!".getBytes(StandardCharsets.UTF_8);
    assertThat(new PiiRedactor(RedactionMode.HASH, KEY).replacement("EMAIL", "bob@example.com"))
        .isNotEqualTo(
            new PiiRedactor(RedactionMode.HASH, otherKey).replacement("EMAIL", "bob@example.com"));
  }

  @Test
  void hashRejectsShortKey() {
    assertThatThrownBy(() -> new PiiRedactor(RedactionMode.HASH, new byte[8]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 bytes");
  }

  @Test
  void skipsOverlappingFinding() {
    PiiRedactor redactor = new PiiRedactor(RedactionMode.PLACEHOLDER, null);
    List<Finding> overlapping =
        List.of(new Finding("EMAIL", 5, 20, 0.95), new Finding("PERSON", 5, 8, 0.9));
    assertThat(redactor.redact(TEXT, overlapping)).startsWith("mail [EMAIL] or");
  }

  @Test
  void redactAllScrubsErrorMessage() {
    String message = "401 for key sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz012345 user bob@example.com";
    assertThat(PiiRedactor.redactAll(message)).isEqualTo("401 for key [SECRET] user [EMAIL]");
  }

  @Test
  void redactAllLeavesPlainText() {
    assertThat(PiiRedactor.redactAll("upstream timed out after 30 s"))
        .isEqualTo("upstream timed out after 30 s");
  }
}
