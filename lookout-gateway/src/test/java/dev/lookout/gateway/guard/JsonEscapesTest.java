package dev.lookout.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.guard.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonEscapesTest {
  @Test
  void unicodeEscapeIsDecoded() {
    assertThat(JsonEscapes.decode("ann\\u0040corp.com").text()).isEqualTo("ann@corp.com");
  }

  @Test
  void shortEscapesAreDecoded() {
    assertThat(JsonEscapes.decode("a\\nb\\\"c\\\\d").text()).isEqualTo("a\nb\"c\\d");
  }

  @Test
  void incompleteEscapeStays() {
    assertThat(JsonEscapes.decode("ann\\u00").text()).isEqualTo("ann\\u00");
  }

  @Test
  void textWithoutBackslashIsNull() {
    assertThat(JsonEscapes.decode("ann@corp.com")).isNull();
  }

  @Test
  void findingMapsToWholeEscapes() {
    // "x ann\\u0040corp.com y": the email is chars 2 to 14 of the decoded text.
    JsonEscapes decoded = JsonEscapes.decode("x ann\\u0040corp.com y");

    Finding raw = decoded.toRaw(List.of(new Finding("EMAIL", 2, 14, 1.0))).get(0);

    assertThat(raw.start()).isEqualTo(2);
    assertThat(raw.end()).isEqualTo(19);
  }

  @Test
  void findingAtEndMapsToRawEnd() {
    JsonEscapes decoded = JsonEscapes.decode("ann\\u0040corp.com");

    Finding raw = decoded.toRaw(List.of(new Finding("EMAIL", 0, 12, 1.0))).get(0);

    assertThat(raw.end()).isEqualTo(17);
  }
}
