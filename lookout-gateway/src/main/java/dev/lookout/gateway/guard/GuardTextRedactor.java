package dev.lookout.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.Guard;
import dev.lookout.core.guard.GuardVerdict;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A redactor of stored texts built on a PII guard: it replaces what the guard finds in one text,
 * and it can also redact a value split over adjacent content parts of a request, which no single
 * text holds whole (see {@link SplitValues}).
 */
public final class GuardTextRedactor implements UnaryOperator<String> {
  private final Guard guard;

  public GuardTextRedactor(Guard guard) {
    this.guard = guard;
  }

  @Override
  public String apply(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return guard.check(text, Direction.OUTPUT).text();
  }

  /**
   * Redacts in place each value split over adjacent text parts of the messages of {@code body}, a
   * request. The parts that no split value touches are left for {@link #apply}.
   */
  public void redactSplitParts(JsonNode body) {
    List<RequestTexts.Slot> slots = RequestTexts.find(body);
    SplitValues.byRun(slots, this::check).forEach((slot, part) -> slot.replace(part.text()));
  }

  private GuardVerdict check(String text) {
    return guard.check(text, Direction.OUTPUT);
  }
}
