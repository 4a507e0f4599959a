package dev.lookout.core.guard.pii.eval;

/**
 * Precision, recall and F1 of one entity type, or of all types together.
 *
 * @param support labelled spans
 * @param predicted predicted spans
 * @param correctPredictions predicted spans that overlap a labelled span of their type
 * @param foundLabels labelled spans overlapped by a predicted span of their type
 */
public record TypeScore(int support, int predicted, int correctPredictions, int foundLabels) {

  /** Returns correct predictions over predictions, or 0 when nothing was predicted. */
  public double precision() {
    return predicted == 0 ? 0 : (double) correctPredictions / predicted;
  }

  /** Returns found labels over labels, or 0 when there are no labels. */
  public double recall() {
    return support == 0 ? 0 : (double) foundLabels / support;
  }

  /** Returns the harmonic mean of precision and recall, or 0 when both are 0. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  TypeScore plus(TypeScore other) {
    return new TypeScore(
        support + other.support,
        predicted + other.predicted,
        correctPredictions + other.correctPredictions,
        foundLabels + other.foundLabels);
  }
}
