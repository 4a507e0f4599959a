package dev.lookout.core.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.guard.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldedTextTest {
  private static final PiiDetector DETECTOR = PiiDetector.defaults();

  /** Returns the original text of each finding in {@code text}. */
  private static List<String> found(String text) {
    return DETECTOR.detect(text).stream().map(f -> text.substring(f.start(), f.end())).toList();
  }

  private static List<String> types(String text) {
    return DETECTOR.detect(text).stream().map(Finding::type).toList();
  }

  @Test
  void asciiTextIsNotFolded() {
    assertThat(FoldedText.of("call 555-0100 or write a@example.com")).isNull();
  }

  @Test
  void invisibleCharsAreDropped() {
    assertThat(FoldedText.of("a\u200bb\u00adc").text()).isEqualTo("abc");
  }

  @Test
  void fullWidthDigitsFold() {
    assertThat(FoldedText.of("\uff11\uff12\uff13").text()).isEqualTo("123");
  }

  @Test
  void arabicIndicDigitsFold() {
    assertThat(FoldedText.of("\u0661\u0662\u0663").text()).isEqualTo("123");
  }

  @Test
  void spanMapsBackOverDroppedChars() {
    FoldedText folded = FoldedText.of("x a\u200bb y");
    assertThat(folded.original(new Finding("EMAIL", 2, 4, 1.0)))
        .isEqualTo(new Finding("EMAIL", 2, 5, 1.0));
  }

  @Test
  void zeroWidthInsideEmailIsFound() {
    String text = "write to alice.sm\u200bith@example.com today";
    assertThat(found(text)).containsExactly("alice.sm\u200bith@example.com");
  }

  @Test
  void zeroWidthInsideCardIsFound() {
    String text = "card 4111\u200b1111\u200b1111\u200b1111 please";
    assertThat(found(text)).containsExactly("4111\u200b1111\u200b1111\u200b1111");
  }

  @Test
  void softHyphenInsideCardIsFound() {
    assertThat(types("card 4111 1111 1111\u00ad1111 please")).containsExactly("CREDIT_CARD");
  }

  @Test
  void fullWidthSsnIsFound() {
    String text = "my SSN is \uff11\uff12\uff13-\uff14\uff15-\uff16\uff17\uff18\uff19";
    assertThat(types(text)).containsExactly("US_SSN");
  }

  @Test
  void fullWidthAtSignEmailIsFound() {
    assertThat(found("mail alice.smith\uff20example.com now"))
        .containsExactly("alice.smith\uff20example.com");
  }

  @Test
  void enDashSsnIsFound() {
    assertThat(types("SSN 123\u201345\u20136789")).containsExactly("US_SSN");
  }

  @Test
  void noBreakSpaceCardIsFound() {
    assertThat(types("card 4111\u00a01111\u00a01111\u00a01111")).containsExactly("CREDIT_CARD");
  }

  @Test
  void arabicIndicPhoneIsFound() {
    String text = "call me on +1 \u0665\u0660\u0665 \u0664\u0669\u0668 \u0668\u0664\u0668\u0667";
    assertThat(types(text)).containsExactly("PHONE");
  }

  @Test
  void foldedFindingCoversOriginalChars() {
    String text = "SSN \uff11\uff12\uff13-\uff14\uff15-\uff16\uff17\uff18\uff19.";
    assertThat(found(text)).containsExactly(text.substring(4, text.length() - 1));
  }

  @Test
  void directionMarkInsideSsnIsFound() {
    assertThat(types("SSN 123-45\u200e-6789")).containsExactly("US_SSN");
  }

  @Test
  void tagCharacterInsideCardIsFound() {
    String text = "card 4111 1111\udb40\udc41 1111 1111";
    assertThat(found(text)).containsExactly("4111 1111\udb40\udc41 1111 1111");
  }

  @Test
  void variationSelectorInsideEmailIsFound() {
    assertThat(found("mail alice.smi\ufe0fth@example.com"))
        .containsExactly("alice.smi\ufe0fth@example.com");
  }

  @Test
  void hangulFillerInsideCardIsFound() {
    assertThat(types("card 4111 1111\u3164 1111 1111")).containsExactly("CREDIT_CARD");
  }

  @Test
  void emDashSsnIsFound() {
    assertThat(types("SSN 123\u201445\u20146789")).containsExactly("US_SSN");
  }

  @Test
  void ideographicStopInEmailIsFound() {
    assertThat(types("mail alice.smith@example\u3002com")).containsExactly("EMAIL");
  }
}
