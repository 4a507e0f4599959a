package dev.lookout.core.guard.pii;

import dev.lookout.core.guard.Finding;
import java.util.List;
import java.util.Set;

/**
 * A detector of one or a few PII types. Implementations are thread-safe and never keep or log the
 * values they find. Findings may overlap each other; {@link PiiDetector} resolves overlaps.
 */
public interface SpanDetector {
  /** Returns the types this detector can report. */
  Set<PiiType> types();

  /** Returns the spans of {@code text} that hold one of {@link #types()}, in any order. */
  List<Finding> detect(String text);
}
