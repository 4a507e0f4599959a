package dev.lookout.core.guard.pii.rules;

import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.pii.SpanDetector;
import java.util.List;

/** Test helper: the substrings a detector reports. */
final class Spans {
  private Spans() {}

  static List<String> of(SpanDetector detector, String text) {
    return detector.detect(text).stream()
        .map((Finding f) -> text.substring(f.start(), f.end()))
        .toList();
  }
}
