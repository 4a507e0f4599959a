package dev.lookout.gateway;

import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.Guard;
import dev.lookout.core.guard.GuardAction;
import dev.lookout.core.guard.GuardVerdict;
import java.util.List;

/**
 * A small redacting guard for gateway tests, named {@code pii} with a holdback of 40 characters: it
 * replaces the spans {@link #find} returns by a placeholder such as {@code [EMAIL]}.
 */
abstract class SpanGuard implements Guard {
  private final String type;
  private final String placeholder;

  SpanGuard(String type) {
    this.type = type;
    this.placeholder = "[" + type + "]";
  }

  /** Returns the spans of {@code text} to redact, in order. */
  abstract List<Finding> find(String text);

  /** Returns a finding of this guard's type from {@code start} to {@code end}. */
  Finding finding(int start, int end) {
    return new Finding(type, start, end, 1.0);
  }

  @Override
  public String name() {
    return "pii";
  }

  @Override
  public int holdbackChars() {
    return 40;
  }

  @Override
  public String redact(String text, List<Finding> findings) {
    StringBuilder out = new StringBuilder(text);
    for (int i = findings.size() - 1; i >= 0; i--) {
      out.replace(findings.get(i).start(), findings.get(i).end(), placeholder);
    }
    return out.toString();
  }

  @Override
  public GuardVerdict check(String text, Direction direction) {
    List<Finding> findings = find(text);
    if (findings.isEmpty()) {
      return GuardVerdict.pass(name(), text);
    }
    return new GuardVerdict(
        name(), GuardAction.REDACT, List.of("pii:" + type), redact(text, findings), findings);
  }
}
