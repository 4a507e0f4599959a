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

  /**
   * Returns how many characters at the end of a streamed text this guard may still need to see
   * before it can decide about them: the length of the longest value it redacts. A stream redactor
   * holds back that many characters until more text or the end arrives. Guards that never rewrite
   * text return 0.
   */
  default int holdbackChars() {
    return 0;
  }

  /**
   * Returns {@code text} with the given findings, made by this guard on a text that starts with
   * {@code text}, replaced as {@link #check} would replace them. A stream redactor uses it to
   * release the start of a text with the findings of the whole. Guards that never rewrite text
   * return {@code text}.
   */
  default String redact(String text, java.util.List<Finding> findings) {
    return text;
  }
}
