package dev.lookout.core.guard.pii.eval;

import dev.lookout.core.guard.Finding;
import java.util.List;

/**
 * A text with its labelled entity spans. The spans are {@link Finding}s with score 1; their types
 * are the data set's labels, which may include types no detector reports.
 */
public record LabelledText(String text, List<Finding> entities) {
  public LabelledText {
    entities = List.copyOf(entities);
  }
}
