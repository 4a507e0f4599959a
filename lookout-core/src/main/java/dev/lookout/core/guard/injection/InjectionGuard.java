package dev.lookout.core.guard.injection;

import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.Guard;
import dev.lookout.core.guard.GuardAction;
import dev.lookout.core.guard.GuardVerdict;
import java.util.List;
import java.util.Locale;

/**
 * Blocks prompts that {@link InjectionClassifier} scores at or above a threshold. The verdict's
 * reason is {@code injection:score=0.97}, or {@code injection:phrases=override+persona} when the
 * classifier's phrase rule fired, and its finding spans the highest-scoring window. Outputs pass
 * unchecked unless the guard is built with {@code checkOutputs}, because a response that quotes an
 * attack is not itself one.
 */
public final class InjectionGuard implements Guard {
  public static final String NAME = "injection";
  public static final String FINDING_TYPE = "INJECTION";

  private final InjectionClassifier classifier;
  private final double threshold;
  private final boolean checkOutputs;

  /**
   * Creates a guard.
   *
   * @param threshold score in [0, 1] at or above which an input is blocked
   * @param checkOutputs whether {@link Direction#OUTPUT} texts are checked too
   */
  public InjectionGuard(InjectionClassifier classifier, double threshold, boolean checkOutputs) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "Injection threshold must be within 0..1, got " + threshold);
    }
    this.classifier = classifier;
    this.threshold = threshold;
    this.checkOutputs = checkOutputs;
  }

  /** Returns a guard with the built-in model at its shipped threshold, checking inputs only. */
  public static InjectionGuard builtIn() {
    InjectionClassifier classifier = InjectionClassifier.builtIn();
    return new InjectionGuard(classifier, classifier.threshold(), false);
  }

  @Override
  public String name() {
    return NAME;
  }

  public double threshold() {
    return threshold;
  }

  @Override
  public GuardVerdict check(String text, Direction direction) {
    if (direction == Direction.OUTPUT && !checkOutputs) {
      return GuardVerdict.pass(NAME, text);
    }
    InjectionClassifier.WindowScore max = classifier.maxWindow(text);
    if (max.score() < threshold) {
      return GuardVerdict.pass(NAME, text);
    }
    // The phrase rule's reason names the phrasing found, which is more use to an operator than a
    // score of 1.00.
    String reason =
        max.phrases().isEmpty()
            ? String.format(Locale.ROOT, "injection:score=%.2f", max.score())
            : "injection:phrases=" + String.join("+", max.phrases());
    Finding finding = new Finding(FINDING_TYPE, max.start(), max.end(), max.score());
    return new GuardVerdict(NAME, GuardAction.BLOCK, List.of(reason), text, List.of(finding));
  }
}
