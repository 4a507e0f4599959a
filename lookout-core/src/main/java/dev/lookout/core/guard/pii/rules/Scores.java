package dev.lookout.core.guard.pii.rules;

/** Shared score levels of the rule-based detectors, so that their findings compare fairly. */
final class Scores {
  /** A checksum or a strict format confirmed the value. */
  static final double VALIDATED = 0.95;

  /** The format matched and passed range checks, without a checksum. */
  static final double FORMAT = 0.85;

  /** Added when a supporting context word is near the span, capped at 1. */
  static final double CONTEXT_BOOST = 0.05;

  /** Subtracted when a context word suggests another kind of number, such as "order". */
  static final double CONTEXT_PENALTY = 0.5;

  private Scores() {}

  static double boost(double score) {
    return Math.min(1.0, score + CONTEXT_BOOST);
  }
}
