package dev.lookout.core.guard;

import java.util.List;

/**
 * The outcome of one guard on one text.
 *
 * @param guard the guard's name, for example {@code pii} or {@code injection}
 * @param reasons short explanations, safe to store and log (they never quote the text)
 * @param text the text after the guard: redacted for {@link GuardAction#REDACT}, else unchanged
 * @param findings what the guard found, with spans in the original text
 */
public record GuardVerdict(
    String guard, GuardAction action, List<String> reasons, String text, List<Finding> findings) {

  public GuardVerdict {
    reasons = List.copyOf(reasons);
    findings = List.copyOf(findings);
  }

  /** Returns a verdict that lets {@code text} pass unchanged. */
  public static GuardVerdict pass(String guard, String text) {
    return new GuardVerdict(guard, GuardAction.PASS, List.of(), text, List.of());
  }
}
