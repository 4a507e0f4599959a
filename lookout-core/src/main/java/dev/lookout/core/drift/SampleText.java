package dev.lookout.core.drift;

/** The part of a response that the drift monitor keeps and tests: its first characters. */
public final class SampleText {
  /** Characters of a response kept with a sample; the embedder reads at most its own cut. */
  public static final int MAX_CHARS = 2000;

  private SampleText() {}

  /**
   * Returns the first {@link #MAX_CHARS} characters of {@code text}, one fewer when the cut would
   * split a surrogate pair. A lone high surrogate is stored as '?' by DuckDB, so a sample read back
   * after a restart would differ from the one tested before it.
   */
  public static String cut(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
    return text.substring(0, end);
  }

  /**
   * Returns whether {@code text} may have been cut: a cut text has {@link #MAX_CHARS} characters,
   * or one fewer after a surrogate pair.
   */
  public static boolean mayBeCut(String text) {
    return text.length() >= MAX_CHARS - 1;
  }
}
