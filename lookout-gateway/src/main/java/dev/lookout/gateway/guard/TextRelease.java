package dev.lookout.gateway.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.Guard;
import dev.lookout.core.guard.GuardAction;
import dev.lookout.core.guard.GuardOutcome;
import dev.lookout.core.guard.GuardPipeline;
import dev.lookout.core.guard.GuardVerdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides how much of a stream's held text can go out and guards it. The guards see the whole held
 * text, so a value is judged with its context and never cut. The released start is then redacted
 * with the findings that lie wholly inside it. Keeps the outcome of every release in which a guard
 * acted. Not thread-safe: one per stream.
 */
final class TextRelease {
  /**
   * Maximum length of a run of non-space characters held back whole while it may still be a value.
   */
  static final int MAX_HELD_CHARS = 8192;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final GuardPipeline pipeline;
  private final int holdback;
  private final Guard redactor;
  private final List<GuardOutcome> outcomes = new ArrayList<>();

  TextRelease(GuardPipeline pipeline) {
    this.pipeline = pipeline;
    this.holdback = pipeline.outputHoldbackChars();
    this.redactor = pipeline.outputRedactor();
  }

  List<GuardOutcome> outcomes() {
    return outcomes;
  }

  /**
   * Takes the part of {@code held} that is safe to send, all of it when {@code all}, out of it and
   * returns it guarded.
   */
  String release(HeldText held, boolean all) {
    String text = held.text();
    if (text.isEmpty()) {
      return text;
    }
    // The end of the released text goes first, so a value is judged with the label before it.
    String context = held.context();
    String checked = context + text;
    // JSON text is checked with its escape sequences decoded, and the findings mapped back.
    JsonEscapes decoded = held.json() != null ? JsonEscapes.decode(checked) : null;
    GuardOutcome outcome =
        pipeline.check(decoded == null ? checked : decoded.text(), Direction.OUTPUT);
    if (outcome.action() == GuardAction.BLOCK) {
      outcomes.add(outcome);
      held.clear();
      return "[BLOCKED]";
    }

    List<Finding> findings = inHeld(JsonEscapes.rawFindings(outcome, decoded), context.length());
    int cut = all ? text.length() : safeCut(text, findings, held.json() != null);
    if (decoded != null && !all) {
      cut = escapeStart(decoded, context.length(), cut);
    }
    if (cut == 0) {
      return "";
    }
    String released = text.substring(0, cut);
    held.dropStart(cut);

    List<Finding> inside = new ArrayList<>();
    for (Finding finding : findings) {
      if (finding.end() <= cut) {
        inside.add(finding);
      }
    }

    if (redactor == null) {
      return inside.isEmpty() ? advance(held, released) : guardWhole(held, released);
    }
    if (!inside.isEmpty()) {
      outcomes.add(
          new GuardOutcome(
              GuardAction.REDACT,
              released,
              List.of(
                  new GuardVerdict(
                      redactor.name(), GuardAction.REDACT, outcome.reasons(), released, inside))));
    }
    if (held.json() != null) {
      // Called for every release, findings or not, so it tracks the position in the JSON text.
      return held.json().redact(released, inside, redactor);
    }
    return inside.isEmpty() ? released : redactor.redact(released, inside);
  }

  /** Returns {@code text}, a whole text that no later event continues, guarded. */
  String releaseWhole(String text) {
    HeldText whole = HeldText.forProse();
    whole.append(text);
    return release(whole, true);
  }

  /**
   * Returns {@code value}, a whole JSON object or array such as a tool input, with its values
   * redacted, as an object or array where it can be.
   */
  JsonNode releaseWholeJson(JsonNode value) {
    HeldText text = HeldText.forJson();
    text.append(value.toString());
    String released = release(text, true);
    try {
      return JSON.readTree(released);
    } catch (JsonProcessingException e) {
      // [BLOCKED], or the text of a guard without a redactor, is not JSON and replaces it whole.
      return TextNode.valueOf(released);
    }
  }

  /**
   * Returns {@code findings}, spans of the context and the held text, as spans of the held text. A
   * value that began in the context is cut to its part still held.
   */
  private static List<Finding> inHeld(List<Finding> findings, int contextLength) {
    List<Finding> held = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      if (finding.end() > contextLength) {
        held.add(
            new Finding(
                finding.type(),
                Math.max(0, finding.start() - contextLength),
                finding.end() - contextLength,
                finding.score()));
      }
    }
    return held;
  }

  /**
   * Returns {@code cut}, an index of the held text, or the start of the escape sequence it falls
   * inside, so a released piece never ends inside one.
   */
  private static int escapeStart(JsonEscapes decoded, int contextLength, int cut) {
    int[] starts = decoded.rawIndex();
    int found = Arrays.binarySearch(starts, contextLength + cut);
    return found >= 0 ? cut : Math.max(0, starts[-found - 2] - contextLength);
  }

  /** Returns {@code released} unchanged, after moving its JSON state past it. */
  private static String advance(HeldText held, String released) {
    if (held.json() != null) {
      held.json().redact(released, List.of(), null);
    }
    return released;
  }

  /** Guards {@code released} on its own, for guards that cannot redact with given findings. */
  private String guardWhole(HeldText held, String released) {
    advance(held, released);
    GuardOutcome outcome = pipeline.check(released, Direction.OUTPUT);
    if (outcome.action() == GuardAction.PASS) {
      return released;
    }
    outcomes.add(outcome);
    return outcome.action() == GuardAction.BLOCK ? "[BLOCKED]" : outcome.text();
  }

  /**
   * Returns how much of {@code text} can go out: all but the holdback, never inside a finding, and
   * never inside a run of characters that may still grow into a value (a long token such as a JWT),
   * unless that run is longer than {@link #MAX_HELD_CHARS}. A run ends at a space, and in JSON text
   * also at a quote that ends a string.
   */
  private int safeCut(String text, List<Finding> findings, boolean json) {
    int cut = Math.max(0, text.length() - holdback);
    for (Finding finding : findings) {
      if (finding.start() < cut && cut < finding.end()) {
        cut = finding.start();
      }
    }
    int runStart = cut;
    while (runStart > 0 && !endsRun(text, runStart - 1, json)) {
      runStart--;
    }
    if (runStart < cut && text.length() - runStart <= MAX_HELD_CHARS) {
      cut = runStart;
    }
    return cut;
  }

  /** Returns whether the character at {@code at} ends a run; true before the text's start. */
  static boolean endsRun(String text, int at, boolean json) {
    if (at < 0) {
      return true;
    }
    return Character.isWhitespace(text.charAt(at))
        || (json && JsonTextRedaction.isBoundary(text, at));
  }
}
