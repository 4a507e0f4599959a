package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.guard.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streamed values that a guard finds only with the label before them, as the PII guard finds nine
 * solid digits as an SSN only near a word such as "SSN". The label may go out in one release while
 * the value is still held.
 */
class LabelContextRedactionTest {
  /** The chunk before the value's release: the holdback of 40 ends inside the number. */
  private static final String FIRST = "My ssn is 123456789 and then some more words go here";

  @TempDir Path data;
  private RedactingGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = new RedactingGateway(data, new LabelledNumberGuard());
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  private String streamLabelledNumber() throws Exception {
    gateway.upstream.pieces(
        List.of(
            RedactingGateway.content(FIRST),
            RedactingGateway.content(", and a few more to end it."),
            RedactingGateway.finish("stop")),
        30,
        response -> response.end());
    return gateway.post(RedactingGateway.chat(true)).body();
  }

  @Test
  void labelledValueIsRedacted() throws Exception {
    String body = streamLabelledNumber();

    assertThat(RedactingGateway.joined(body, "/choices/0/delta/content"))
        .startsWith("My ssn is [SSN] and");
  }

  @Test
  void labelledValueLeavesNoDigits() throws Exception {
    assertThat(streamLabelledNumber()).doesNotContain("123456789");
  }

  /** Finds nine solid digits as an SSN when "ssn" comes within 20 characters before them. */
  static final class LabelledNumberGuard extends SpanGuard {
    private static final Pattern NUMBER = Pattern.compile("(?<!\\d)\\d{9}(?!\\d)");

    LabelledNumberGuard() {
      super("SSN");
    }

    @Override
    List<Finding> find(String text) {
      List<Finding> findings = new ArrayList<>();
      Matcher matcher = NUMBER.matcher(text);
      while (matcher.find()) {
        String before = text.substring(Math.max(0, matcher.start() - 20), matcher.start());
        if (before.contains("ssn")) {
          findings.add(finding(matcher.start(), matcher.end()));
        }
      }
      return findings;
    }
  }
}
