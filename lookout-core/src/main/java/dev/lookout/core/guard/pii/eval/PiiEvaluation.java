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
 * <p>{@link #byType()} and {@link #overall()} cover the types the detector reports, each listed
 * when the data labels it or the detector found it. Labelled types that no detector reports (such
 * as {@code ORGANIZATION}) are counted apart in {@link #undetected()}, so they do not lower the
 * overall recall of the types Lookout detects.
 */
public final class PiiEvaluation {
  private final Map<String, TypeScore> byType;
  private final TypeScore overall;
  private final Map<String, Integer> undetected;

  private PiiEvaluation(
      Map<String, TypeScore> byType, TypeScore overall, Map<String, Integer> undetected) {
    this.byType = byType;
    this.overall = overall;
    this.undetected = undetected;
  }

  /** Runs {@code detector} on every text and scores its findings against the labels. */
  public static PiiEvaluation evaluate(PiiDetector detector, List<LabelledText> texts) {
    return score(texts, predict(detector, texts), detector.enabledTypes());
  }

  /** Returns the findings of {@code detector} on each text, in the order of {@code texts}. */
  public static List<List<Finding>> predict(PiiDetector detector, List<LabelledText> texts) {
    List<List<Finding>> predictions = new ArrayList<>(texts.size());
    for (LabelledText text : texts) {
      predictions.add(detector.detect(text.text()));
    }
    return predictions;
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
    Map<String, Integer> undetected = new LinkedHashMap<>();
    for (Map.Entry<String, TypeScore> entry : all.entrySet()) {
      TypeScore score = entry.getValue();
      PiiType type = PiiType.parseOrNull(entry.getKey());
      boolean isReported = type != null && reported.contains(type);
      if (!isReported) {
        undetected.put(entry.getKey(), score.support());
      } else if (score.support() > 0 || score.predicted() > 0) {
        byType.put(entry.getKey(), score);
        overall = overall.plus(score);
      }
    }
    return new PiiEvaluation(
        Collections.unmodifiableMap(byType), overall, Collections.unmodifiableMap(undetected));
  }

  /**
   * Returns the spans of {@code spans} that overlap no span of the same type in {@code others}: the
   * missed labels when {@code spans} are the labels, the wrong findings when they are the findings.
   */
  public static List<Finding> unmatched(List<Finding> spans, List<Finding> others) {
    List<Finding> unmatched = new ArrayList<>();
    for (Finding span : spans) {
      if (!overlapsSameType(span, others)) {
        unmatched.add(span);
      }
    }
    return unmatched;
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

  /** Returns the scores of each reported type that was labelled or found, keyed by type name. */
  public Map<String, TypeScore> byType() {
    return byType;
  }

  /** Returns the scores over the spans of the types in {@link #byType()}. */
  public TypeScore overall() {
    return overall;
  }

  /** Returns the number of labelled spans of each type that no detector reports. */
  public Map<String, Integer> undetected() {
    return undetected;
  }
}
