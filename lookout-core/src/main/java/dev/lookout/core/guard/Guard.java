package dev.lookout.core.guard;

/**
 * A check on the text of a prompt or a response. Implementations are thread-safe and fast enough
 * for the request path: the default guards together must stay under a millisecond at p99 for a 2 KB
 * prompt.
 */
public interface Guard {
  /** Returns the guard's name, used in configuration, records and metrics. */
  String name();

  /** Checks {@code text} travelling in {@code direction}. */
  GuardVerdict check(String text, Direction direction);
}
