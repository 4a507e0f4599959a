package dev.lookout.core.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of a {@link GuardPipeline} on one text.
 *
 * @param action BLOCK if a guard blocked, REDACT if any guard rewrote the text, else PASS
 * @param text the text to use from here on: the original when blocked or passed
 * @param verdicts the verdicts of the guards that acted, in order
 */
public record GuardOutcome(GuardAction action, String text, List<GuardVerdict> verdicts) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public GuardOutcome {
    verdicts = List.copyOf(verdicts);
  }

  /** Returns the reasons of every acting guard, for example {@code [injection:score=0.98]}. */
  public List<String> reasons() {
    List<String> reasons = new ArrayList<>();
    verdicts.forEach(verdict -> reasons.addAll(verdict.reasons()));
    return reasons;
  }

  /**
   * Returns the verdicts as the JSON array stored in a call record's {@code guard_actions}, for
   * example {@code
   * [{"guard":"pii","direction":"input","action":"redact","reasons":["pii:EMAIL"]}]}. It holds no
   * text, only guard names, actions and reasons.
   */
  public static String toJson(List<GuardOutcome> inputs, List<GuardOutcome> outputs) {
    return toJson(inputs, true, outputs);
  }

  /**
   * Returns the verdicts as JSON; with {@code inputApplied} false, input redactions were only
   * detected (the text went on unchanged) and are recorded with action {@code detect}.
   */
  public static String toJson(
      List<GuardOutcome> inputs, boolean inputApplied, List<GuardOutcome> outputs) {
    ArrayNode array = JSON.createArrayNode();
    append(array, inputs, "input", inputApplied);
    append(array, outputs, "output", true);
    return array.isEmpty() ? null : array.toString();
  }

  private static void append(
      ArrayNode array, List<GuardOutcome> outcomes, String direction, boolean applied) {
    for (GuardOutcome outcome : outcomes) {
      for (GuardVerdict verdict : outcome.verdicts()) {
        ObjectNode node = array.addObject();
        node.put("guard", verdict.guard());
        node.put("direction", direction);
        boolean detectedOnly = !applied && verdict.action() == GuardAction.REDACT;
        node.put("action", detectedOnly ? "detect" : verdict.action().wireName());
        ArrayNode reasons = node.putArray("reasons");
        verdict.reasons().forEach(reasons::add);
      }
    }
  }
}
