package dev.lookout.core.guard.injection;

import dev.lookout.core.guard.injection.InjectionTrainer.PreparedRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validation by held-out source group and the threshold rule.
 *
 * <p>A source group is the {@code owner/repo} part of a row's source, so files of one repository
 * (which share authors and style) are never split between training and validation.
 *
 * <p>Threshold rule: the lowest threshold at which at most {@link #MAX_FALSE_POSITIVE_RATE} of the
 * benign rows score at or above it, where every row is scored by a model trained without its group.
 * In {@link #nested} the rule runs inside each fold on the training groups only, so no reported
 * figure comes from a threshold that saw the rows it is reported on.
 */
final class SourceValidation {
  /** Max share of benign rows from unseen sources that the chosen threshold may flag. */
  static final double MAX_FALSE_POSITIVE_RATE = 0.03;

  private static final Logger LOG = LoggerFactory.getLogger(SourceValidation.class);

  private final InjectionTrainer trainer;

  SourceValidation(InjectionTrainer trainer) {
    this.trainer = trainer;
  }

  /** One outer fold: the held-out group, its row count and the threshold chosen without it. */
  record Fold(String heldOut, int rows, double threshold) {}

  /**
   * Nested validation results.
   *
   * @param scores each row's score from the model trained without its group
   * @param flagged each row's decision at its fold's threshold
   * @param bySource metrics per source file
   * @param byGroup metrics per source group
   */
  record Result(
      double[] scores,
      boolean[] flagged,
      List<Fold> folds,
      InjectionEvaluation.Report bySource,
      InjectionEvaluation.Report byGroup) {}

  /** Returns the source group of {@code source}: its first two path segments. */
  static String group(String source) {
    int first = source.indexOf('/');
    int second = first < 0 ? -1 : source.indexOf('/', first + 1);
    return second < 0 ? source : source.substring(0, second);
  }

  /**
   * Holds out each group in turn: chooses a threshold by the rule on the other groups (with an
   * inner round of held-out groups), trains on the other groups, and scores the held-out one.
   */
  Result nested(List<LabeledText> rows, List<PreparedRow> prepared) {
    Map<String, List<Integer>> groups = groupIndices(prepared);
    double[] scores = new double[prepared.size()];
    boolean[] flagged = new boolean[prepared.size()];
    List<Fold> folds = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> heldOut : groups.entrySet()) {
      List<Integer> trainIndices = complement(heldOut.getValue(), prepared.size());
      List<PreparedRow> training = select(prepared, trainIndices);
      double threshold = chooseThreshold(training);
      LinearModel model = trainer.fit(training);
      double[] heldOutScores = InjectionTrainer.score(model, select(prepared, heldOut.getValue()));
      for (int i = 0; i < heldOutScores.length; i++) {
        int row = heldOut.getValue().get(i);
        scores[row] = heldOutScores[i];
        flagged[row] = heldOutScores[i] >= threshold;
      }
      folds.add(new Fold(heldOut.getKey(), heldOut.getValue().size(), threshold));
      LOG.info("Held out {}: threshold {}", heldOut.getKey(), threshold);
    }
    List<LabeledText> grouped = new ArrayList<>(rows.size());
    for (LabeledText row : rows) {
      grouped.add(new LabeledText(row.text(), row.injection(), group(row.source())));
    }
    return new Result(
        scores,
        flagged,
        folds,
        InjectionEvaluation.evaluate(rows, flagged),
        InjectionEvaluation.evaluate(grouped, flagged));
  }

  /**
   * Applies the threshold rule to {@code rows}, scoring each group with a model trained without it.
   */
  double chooseThreshold(List<PreparedRow> rows) {
    return thresholdForFalsePositiveRate(rows, outOfGroupScores(rows), MAX_FALSE_POSITIVE_RATE);
  }

  /** Returns each row's score from a model trained on the other groups only. */
  double[] outOfGroupScores(List<PreparedRow> rows) {
    double[] scores = new double[rows.size()];
    for (List<Integer> heldOut : groupIndices(rows).values()) {
      LinearModel model = trainer.fit(select(rows, complement(heldOut, rows.size())));
      double[] heldOutScores = InjectionTrainer.score(model, select(rows, heldOut));
      for (int i = 0; i < heldOutScores.length; i++) {
        scores[heldOut.get(i)] = heldOutScores[i];
      }
    }
    return scores;
  }

  /**
   * Returns the lowest threshold at which at most {@code maxRate} of the benign rows score at or
   * above it: just above the benign score ranked {@code floor(maxRate * benign) + 1} from the top.
   */
  static double thresholdForFalsePositiveRate(
      List<PreparedRow> rows, double[] scores, double maxRate) {
    double[] benign =
        IntStream.range(0, rows.size())
            .filter(i -> !rows.get(i).injection())
            .mapToDouble(i -> scores[i])
            .sorted()
            .toArray();
    int allowed = (int) Math.floor(maxRate * benign.length);
    if (allowed >= benign.length) {
      return 0.0;
    }
    return Math.nextUp(benign[benign.length - 1 - allowed]);
  }

  private static Map<String, List<Integer>> groupIndices(List<PreparedRow> rows) {
    Map<String, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      groups.computeIfAbsent(group(rows.get(i).source()), g -> new ArrayList<>()).add(i);
    }
    return groups;
  }

  private static List<Integer> complement(List<Integer> excluded, int size) {
    boolean[] skip = new boolean[size];
    excluded.forEach(i -> skip[i] = true);
    List<Integer> rest = new ArrayList<>(size - excluded.size());
    for (int i = 0; i < size; i++) {
      if (!skip[i]) {
        rest.add(i);
      }
    }
    return rest;
  }

  private static List<PreparedRow> select(List<PreparedRow> rows, List<Integer> indices) {
    List<PreparedRow> out = new ArrayList<>(indices.size());
    indices.forEach(i -> out.add(rows.get(i)));
    return out;
  }
}
