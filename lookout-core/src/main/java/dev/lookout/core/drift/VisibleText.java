package dev.lookout.core.drift;

/**
 * Whether a text shows anything. {@link String#isBlank} counts only Java white space, so a response
 * of no-break spaces (U+00A0) or zero-width characters (U+200B, U+FEFF) passes it, yet the
 * embedding model's tokenizer drops those characters and then rejects the empty text.
 */
public final class VisibleText {
  private VisibleText() {}

  /**
   * Returns true when every code point of {@code text} is white space, a space separator, a format
   * character or a control character; true for an empty text.
   */
  public static boolean isBlank(String text) {
    return text.codePoints()
        .allMatch(
            point ->
                Character.isWhitespace(point)
                    || Character.isSpaceChar(point)
                    || Character.getType(point) == Character.FORMAT
                    || Character.isISOControl(point));
  }
}
