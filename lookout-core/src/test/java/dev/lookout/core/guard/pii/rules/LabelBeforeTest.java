package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelBeforeTest {
  private final LabelBefore labels =
      new LabelBefore(List.of("isbn"), List.of("lot", "meeting"), Set.of("ms"));
  private final LabelBefore narrow = new LabelBefore(List.of("ticket"), List.of(), Set.of(), "#");

  @Test
  void findsLabelRightBefore() {
    assertThat(labels(labels, "ISBN 1234")).isTrue();
  }

  @Test
  void findsLabelBeforeFillers() {
    assertThat(labels(labels, "Meeting ID no.: 1234")).isTrue();
  }

  @Test
  void skipsLabelInsideWord() {
    assertThat(labels(labels, "misbn 1234")).isFalse();
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
  void lotNeedsFiller() {
    assertThat(labels(labels, "Used car lot - 1234")).isFalse();
  }

  @Test
  void meetingNeedsId() {
    assertThat(labels(labels, "Dial-in for the meeting: 1234")).isFalse();
  }

  @Test
  void findsCreatedAtKey() {
    assertThat(labels(labels, "created_at=1234")).isTrue();
  }

  @Test
  void skipsPhoneKey() {
    assertThat(labels(labels, "isbn_phone=1234")).isFalse();
  }

  @Test
  void skipsReachableAtKey() {
    assertThat(labels(labels, "reachable_at: 1234")).isFalse();
  }

  @Test
  void skipsKeyPartOutsideSnakeCase() {
    assertThat(labels(labels, "ms 1234")).isFalse();
  }

  @Test
  void findsFillerKey() {
    assertThat(labels(labels, "lot_number=1234")).isTrue();
  }

  @Test
  void narrowLabelTakesHash() {
    assertThat(labels(narrow, "Ticket #1234")).isTrue();
  }

  @Test
  void colonEndsNarrowLabel() {
    assertThat(labels(narrow, "your ticket: 1234")).isFalse();
  }

  private static boolean labels(LabelBefore labels, String text) {
    return labels.labels(text, text.indexOf("1234"));
  }
}
