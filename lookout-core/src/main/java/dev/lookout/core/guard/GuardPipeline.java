package dev.lookout.core.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * The guards of one gateway in their fixed order: injection detection before PII redaction, so a
 * blocked prompt is never rewritten and a redaction cannot hide an attack from the detector. The
 * order is checked when the pipeline is built, not left to convention.
 */
public final class GuardPipeline {
  /** Guard names in the order they must run when both are present. */
  private static final List<String> REQUIRED_ORDER = List.of("injection", "pii");

  private final List<Guard> inputGuards;
  private final List<Guard> outputGuards;

  /**
   * @throws IllegalArgumentException if a guard runs before one that must precede it; the message
   *     names both
   */
  public GuardPipeline(List<Guard> inputGuards, List<Guard> outputGuards) {
    this.inputGuards = List.copyOf(inputGuards);
    this.outputGuards = List.copyOf(outputGuards);
    checkOrder(this.inputGuards, "input");
    checkOrder(this.outputGuards, "output");
  }

  /** Returns a pipeline without guards. */
  public static GuardPipeline none() {
    return new GuardPipeline(List.of(), List.of());
  }

  public boolean hasInputGuards() {
    return !inputGuards.isEmpty();
  }

  public boolean hasOutputGuards() {
    return !outputGuards.isEmpty();
  }

  /** Returns the output guard that rewrites text (the one with a holdback), or null. */
  public Guard outputRedactor() {
    for (Guard guard : outputGuards) {
      if (guard.holdbackChars() > 0) {
        return guard;
      }
    }
    return null;
  }

  /** Returns the characters a stream redactor must hold back for the output guards. */
  public int outputHoldbackChars() {
    int max = 0;
    for (Guard guard : outputGuards) {
      max = Math.max(max, guard.holdbackChars());
    }
    return max;
  }

  /**
   * Runs the guards of {@code direction} on {@code text} in order. A block stops the sequence; a
   * redaction hands its new text to the next guard.
   */
  public GuardOutcome check(String text, Direction direction) {
    List<Guard> guards = direction == Direction.INPUT ? inputGuards : outputGuards;
    List<GuardVerdict> verdicts = new ArrayList<>();
    String current = text;
    GuardAction action = GuardAction.PASS;
    for (Guard guard : guards) {
      GuardVerdict verdict = guard.check(current, direction);
      if (verdict.action() == GuardAction.PASS) {
        continue;
      }
      verdicts.add(verdict);
      if (verdict.action() == GuardAction.BLOCK) {
        return new GuardOutcome(GuardAction.BLOCK, text, verdicts);
      }
      action = GuardAction.REDACT;
      current = verdict.text();
    }
    return new GuardOutcome(action, current, verdicts);
  }

  /**
   * Runs only the input guard named {@code name}, if there is one, on {@code text}. The gateway
   * runs the injection guard again on a user turn's texts joined, so that an attack split into
   * short parts is judged as a whole. The other guards see every part on its own.
   */
  public GuardOutcome checkInputWith(String name, String text) {
    for (Guard guard : inputGuards) {
      if (guard.name().equals(name)) {
        GuardVerdict verdict = guard.check(text, Direction.INPUT);
        return verdict.action() == GuardAction.PASS
            ? new GuardOutcome(GuardAction.PASS, text, List.of())
            : new GuardOutcome(verdict.action(), text, List.of(verdict));
      }
    }
    return new GuardOutcome(GuardAction.PASS, text, List.of());
  }

  private static void checkOrder(List<Guard> guards, String direction) {
    int lastRank = -1;
    String lastName = null;
    for (Guard guard : guards) {
      int rank = REQUIRED_ORDER.indexOf(guard.name());
      if (rank < 0) {
        continue;
      }
      if (rank < lastRank) {
        throw new IllegalArgumentException(
            "The "
                + direction
                + " guard '"
                + guard.name()
                + "' must run before '"
                + lastName
                + "'; list injection before pii");
      }
      lastRank = rank;
      lastName = guard.name();
    }
  }
}
