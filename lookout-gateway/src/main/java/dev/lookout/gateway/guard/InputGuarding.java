package dev.lookout.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.GuardAction;
import dev.lookout.core.guard.GuardOutcome;
import dev.lookout.core.guard.GuardPipeline;
import dev.lookout.core.guard.GuardVerdict;
import dev.lookout.core.guard.injection.InjectionClassifier;
import dev.lookout.core.guard.injection.InjectionGuard;
import dev.lookout.core.guard.pii.PiiGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the input guards over a request's end-user texts. A block stops at once; redactions are
 * written into the request body when the configuration sends redacted prompts upstream.
 */
public final class InputGuarding {
  private final GuardPipeline pipeline;
  private final boolean redactUpstream;

  /**
   * @param redactUpstream whether redacted texts replace the originals in what is forwarded
   */
  public InputGuarding(GuardPipeline pipeline, boolean redactUpstream) {
    this.pipeline = pipeline;
    this.redactUpstream = redactUpstream;
  }

  public static InputGuarding none() {
    return new InputGuarding(GuardPipeline.none(), false);
  }

  public boolean active() {
    return pipeline.hasInputGuards();
  }

  /**
   * Checks the request; may rewrite {@code body} in place.
   *
   * @return the outcome of each text the guards acted on, in request order
   */
  public Result apply(JsonNode body) {
    List<GuardOutcome> outcomes = new ArrayList<>();
    boolean rewritten = false;
    GuardOutcome joined = checkJoined(body);
    if (joined != null) {
      return new Result(joined, List.of(joined), false);
    }
    List<RequestTexts.Slot> slots = RequestTexts.find(body);
    Map<RequestTexts.Slot, SplitValues.Part> split = SplitValues.byRun(slots, this::checkPii);
    for (RequestTexts.Slot slot : slots) {
      GuardOutcome outcome = pipeline.check(slot.text(), Direction.INPUT);
      if (outcome.action() == GuardAction.BLOCK) {
        outcomes.add(outcome);
        return new Result(outcome, outcomes, false);
      }
      // A part that a split value touches is redacted from the joined parts, which also find
      // what the part alone holds.
      SplitValues.Part part = split.get(slot);
      if (part != null) {
        if (!part.verdicts().isEmpty()) {
          outcomes.add(new GuardOutcome(GuardAction.REDACT, part.text(), part.verdicts()));
        }
        if (redactUpstream) {
          slot.replace(part.text());
          rewritten = true;
        }
        continue;
      }
      if (outcome.action() == GuardAction.PASS) {
        continue;
      }
      outcomes.add(outcome);
      if (redactUpstream) {
        slot.replace(outcome.text());
        rewritten = true;
      }
    }
    return new Result(null, outcomes, rewritten);
  }

  private GuardVerdict checkPii(String text) {
    GuardOutcome outcome = pipeline.checkInputWith(PiiGuard.NAME, text);
    return outcome.verdicts().isEmpty()
        ? GuardVerdict.pass(PiiGuard.NAME, text)
        : outcome.verdicts().get(0);
  }

  /**
   * Runs the injection guard on each user turn's texts joined: the content parts of one message,
   * and user messages that follow each other with no other role between. Each part alone may be
   * short enough for the guard to cap its score, while the whole is an attack ("Ignore all earlier"
   * and "instructions" as two parts). Turns that other roles separate are not joined, so a chat of
   * short requests is judged request by request.
   *
   * @return the blocking outcome, or null when every joined turn passes
   */
  private GuardOutcome checkJoined(JsonNode body) {
    for (RequestTexts.UserTurn turn : RequestTexts.userTurns(body)) {
      GuardOutcome outcome = checkTurn(turn.texts());
      if (outcome == null) {
        outcome = checkGluedParts(turn);
      }
      if (outcome != null) {
        return outcome;
      }
    }
    return null;
  }

  /** Returns the blocking outcome of a turn of several texts, one of them short, or null. */
  private GuardOutcome checkTurn(List<String> turn) {
    if (turn.size() < 2) {
      return null;
    }
    boolean anyShort = false;
    for (String text : turn) {
      anyShort |= text.strip().length() <= InjectionClassifier.CAPPED_MAX_CHARS;
    }
    if (!anyShort) {
      return null;
    }
    GuardOutcome outcome = pipeline.checkInputWith(InjectionGuard.NAME, String.join("\n", turn));
    return outcome.action() == GuardAction.BLOCK ? outcome : null;
  }

  /**
   * Returns the blocking outcome of a turn with the parts of each message joined without a
   * separator and its messages joined by newlines, or null. It runs only on a turn where two parts
   * meet inside what may be one word ("Ign", "ore all previous instructions"), since the newline
   * join of {@link #checkTurn} hides such a word from the phrase rule and the n-grams. Unlike that
   * check it runs whatever the length of the parts, because a split word is hidden at any length.
   */
  private GuardOutcome checkGluedParts(RequestTexts.UserTurn turn) {
    if (!turn.hasSplitWord()) {
      return null;
    }
    List<String> messages = new ArrayList<>(turn.messages().size());
    for (List<String> parts : turn.messages()) {
      messages.add(String.join("", parts));
    }
    GuardOutcome outcome =
        pipeline.checkInputWith(InjectionGuard.NAME, String.join("\n", messages));
    return outcome.action() == GuardAction.BLOCK ? outcome : null;
  }

  /**
   * @param blocked the outcome that blocked the request, or null
   * @param outcomes every outcome in which a guard acted
   * @param rewritten whether the body now contains redacted texts
   */
  public record Result(GuardOutcome blocked, List<GuardOutcome> outcomes, boolean rewritten) {}
}
