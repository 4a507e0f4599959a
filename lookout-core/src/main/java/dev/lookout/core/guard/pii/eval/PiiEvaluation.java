package dev.lookout.core.guard.pii.eval;

import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.pii.PiiDetector;
import dev.lookout.core.guard.pii.PiiType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Span-level scores of a {@link PiiDetector} on labelled texts. A predicted span is correct when it
 * overlaps a labelled span of the same type, and a labelled span is found when a predicted span of
 * its type overlaps it.
 *
 * <p>{@link #byType()} contains the types the detector reports. {@link #overall()} sums every
 * predicted span and every labelled span, so labelled types that the detector does not report (such
 * as {@code ORGANIZATION}) count as misses there.
 */
public final class PiiEvaluation {
  private final Map<String, TypeScore> byType;
  private final TypeScore overall;

  private PiiEvaluation(Map<String, TypeScore> byType, TypeScore overall) {
    this.byType = byType;
    this.overall = overall;
  }

  /** Runs {@code detector} on every text and scores its findings against the labels. */
  public static PiiEvaluation evaluate(PiiDetector detector, List<LabelledText> texts) {
    List<List<Finding>> predictions = new ArrayList<>(texts.size());
    for (LabelledText text : texts) {
      predictions.add(detector.detect(text.text()));
    }
    return score(texts, predictions, detector.enabledTypes());
  }

  /**
   * Scores {@code predictions} (one list per text, in the order of {@code texts}); {@code reported}
   * names the types listed in {@link #byType()}.
   */
  public static PiiEvaluation score(
      List<LabelledText> texts, List<List<Finding>> predictions, Set<PiiType> reported) {
    Set<String> allTypes = new TreeSet<>();
    for (PiiType type : reported) {
      allTypes.add(type.name());
    }
    for (LabelledText text : texts) {
      text.entities().forEach(entity -> allTypes.add(entity.type()));
    }
    Map<String, TypeScore> all = new LinkedHashMap<>();
    for (String type : allTypes) {
      all.put(type, new TypeScore(0, 0, 0, 0));
    }
    for (int i = 0; i < texts.size(); i++) {
      List<Finding> labels = texts.get(i).entities();
      List<Finding> predicted = predictions.get(i);
      for (Finding prediction : predicted) {
        int correct = overlapsSameType(prediction, labels) ? 1 : 0;
        all.merge(prediction.type(), new TypeScore(0, 1, correct, 0), TypeScore::plus);
      }
      for (Finding label : labels) {
        int found = overlapsSameType(label, predicted) ? 1 : 0;
        all.merge(label.type(), new TypeScore(1, 0, 0, found), TypeScore::plus);
      }
    }
    TypeScore overall = new TypeScore(0, 0, 0, 0);
    Map<String, TypeScore> byType = new LinkedHashMap<>();
    for (Map.Entry<String, TypeScore> entry : all.entrySet()) {
      overall = overall.plus(entry.getValue());
      PiiType type = PiiType.parseOrNull(entry.getKey());
      if (type != null && reported.contains(type)) {
        byType.put(entry.getKey(), entry.getValue());
      }
    }
    return new PiiEvaluation(Collections.unmodifiableMap(byType), overall);
  }

  private static boolean overlapsSameType(Finding span, List<Finding> others) {
    for (Finding other : others) {
      if (other.type().equals(span.type())
          && span.start() < other.end()
          && other.start() < span.end()) {
        return true;
      }
    }
    return false;
  }

  /** Returns the scores of each reported type, keyed by type name. */
  public Map<String, TypeScore> byType() {
    return byType;
  }

  /** Returns the scores over all predicted and all labelled spans. */
  public TypeScore overall() {
    return overall;
  }
}
