package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailDetectorTest {
  private final EmailDetector detector = new EmailDetector();

  @Test
  void findsAddressInSentence() {
    assertThat(Spans.of(detector, "Write to AimeeMcGregor@superrito.com today."))
        .containsExactly("AimeeMcGregor@superrito.com");
  }

  @Test
  void findsSubdomainAndPlusTag() {
    assertThat(Spans.of(detector, "cc: j.doe+news@mail.example.co.uk"))
        .containsExactly("j.doe+news@mail.example.co.uk");
  }

  @Test
  void rejectsDoubleDotInLocalPart() {
    assertThat(Spans.of(detector, "a..b@example.com")).isEmpty();
  }

  @Test
  void rejectsHyphenAtLabelEdge() {
    assertThat(Spans.of(detector, "user@-example.com")).isEmpty();
  }

  @Test
  void rejectsMissingTopLevelDomain() {
    assertThat(Spans.of(detector, "user@localhost and @handle")).isEmpty();
  }
}
