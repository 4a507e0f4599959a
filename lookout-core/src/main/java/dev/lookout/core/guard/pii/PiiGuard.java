package dev.lookout.core.guard.pii;

import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.Guard;
import dev.lookout.core.guard.GuardAction;
import dev.lookout.core.guard.GuardVerdict;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code pii} guard: detects personal data and secrets and redacts them, in both directions.
 * The verdict is {@link GuardAction#REDACT} with the redacted text, the findings (spans in the
 * original text) and one reason per type found, such as {@code pii:EMAIL}, when anything is found,
 * and {@link GuardAction#PASS} otherwise. Reasons never contain the detected values.
 */
public final class PiiGuard implements Guard {
  /** The guard's name in configuration, records and metrics. */
  public static final String NAME = "pii";

  private final PiiDetector detector;
  private final PiiRedactor redactor;

  public PiiGuard(PiiDetector detector, PiiRedactor redactor) {
    this.detector = detector;
    this.redactor = redactor;
  }

  /** Returns a guard of {@link PiiDetector#DEFAULT_TYPES} that redacts with placeholders. */
  public static PiiGuard defaults() {
    return new PiiGuard(PiiDetector.defaults(), new PiiRedactor(RedactionMode.PLACEHOLDER, null));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GuardVerdict check(String text, Direction direction) {
    List<Finding> findings = detector.detect(text);
    if (findings.isEmpty()) {
      return GuardVerdict.pass(NAME, text);
    }
    Set<String> reasons = new TreeSet<>();
    for (Finding finding : findings) {
      reasons.add(NAME + ":" + finding.type());
    }
    return new GuardVerdict(
        NAME, GuardAction.REDACT, List.copyOf(reasons), redactor.redact(text, findings), findings);
  }
}
