package dev.lookout.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.Guard;
import dev.lookout.core.guard.GuardVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTextRedactionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Replaces a finding by [TYPE], or with {@code mask} its letters and digits by '*'. */
  private record Replacer(boolean mask) implements Guard {
    @Override
    public String name() {
      return "pii";
    }

    @Override
    public GuardVerdict check(String text, Direction direction) {
      return GuardVerdict.pass(name(), text);
    }

    @Override
    public String redact(String text, List<Finding> findings) {
      Finding finding = findings.get(0);
      String value = text.substring(finding.start(), finding.end());
      return mask ? value.replaceAll("[\\p{L}\\p{N}]", "*") : "[" + finding.type() + "]";
    }
  }

  private static String redact(String text, String value, boolean mask) {
    int start = text.indexOf(value);
    return new JsonTextRedaction()
        .redact(
            text,
            List.of(new Finding("EMAIL", start, start + value.length(), 1.0)),
            new Replacer(mask));
  }

  @Test
  void valueInStringIsReplaced() {
    assertThat(redact("{\"to\":\"ann@corp.com\"}", "ann@corp.com", false))
        .isEqualTo("{\"to\":\"[EMAIL]\"}");
  }

  @Test
  void escapeBeforeValueIsKept() {
    assertThat(redact("{\"to\":\"\\nann@corp.com\"}", "ann@corp.com", false))
        .isEqualTo("{\"to\":\"\\n[EMAIL]\"}");
  }

  @Test
  void escapedValueIsReplacedWhole() {
    assertThat(redact("{\"to\":\"ann\\u0040corp.com\"}", "ann\\u0040corp.com", false))
        .isEqualTo("{\"to\":\"[EMAIL]\"}");
  }

  @Test
  void bareNumberBecomesString() {
    assertThat(redact("{\"card\":4111111111111111}", "4111111111111111", false))
        .isEqualTo("{\"card\":\"[EMAIL]\"}");
  }

  @Test
  void findingAcrossQuotesStaysValid() {
    String out = redact("{\"a\":\"ann\",\"b\":\"corp\"}", "ann\",\"b\":\"corp", false);

    assertThatCode(() -> JSON.readTree(out)).doesNotThrowAnyException();
  }

  @Test
  void maskedEscapeStaysValid() {
    String out = redact("{\"key\":\"abc\\ndef\\u00e9gh\"}", "abc\\ndef\\u00e9gh", true);

    assertThat(out).isEqualTo("{\"key\":\"***\\n******\"}");
  }

  @Test
  void escapeSplitAcrossPiecesIsKept() {
    JsonTextRedaction redaction = new JsonTextRedaction();
    redaction.redact("{\"to\":\"x\\", List.of(), new Replacer(false));

    String second =
        redaction.redact(
            "nann@corp.com\"}", List.of(new Finding("EMAIL", 1, 13, 1.0)), new Replacer(false));

    assertThat(second).isEqualTo("n[EMAIL]\"}");
  }
}
