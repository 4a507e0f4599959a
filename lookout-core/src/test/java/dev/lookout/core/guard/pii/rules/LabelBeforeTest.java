package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelBeforeTest {
  private final LabelBefore labels = new LabelBefore(List.of("lot", "meeting"), Set.of("ms"));

  @Test
  void findsLabelRightBefore() {
    assertThat(labels(labels, "Lot 1234")).isTrue();
  }

  @Test
  void findsLabelBeforeFillers() {
    assertThat(labels(labels, "Meeting ID no.: 1234")).isTrue();
  }

  @Test
  void skipsLabelInsideWord() {
    assertThat(labels(labels, "pilot 1234")).isFalse();
  }

  @Test
  void skipsLabelFollowedByOtherWord() {
    assertThat(labels(labels, "meeting room 1234")).isFalse();
  }

  @Test
  void findsPartOfSnakeCaseKey() {
    assertThat(labels(labels, "duration_ms=1234")).isTrue();
  }

  @Test
  void skipsKeyPartOutsideSnakeCase() {
    assertThat(labels(labels, "ms 1234")).isFalse();
  }

  private static boolean labels(LabelBefore labels, String text) {
    return labels.labels(text, text.indexOf("1234"));
  }
}
