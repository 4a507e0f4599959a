package dev.lookout.core.guard.injection;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Canonical form of a text before feature extraction: NFKC, lower case, invisible characters
 * removed. Removing zero-width characters undoes the simplest evasion ({@code ig\u200Bnore}), and
 * NFKC folds full-width and styled letters ({@code ｉｇｎｏｒｅ}, mathematical bold) to ASCII.
 */
final class TextNormalizer {
  private static final int TAG_FIRST = 0xE0000;
  private static final int TAG_LAST = 0xE007F;
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private TextNormalizer() {}

  /**
   * A normalised text.
   *
   * @param text NFKC, lower-cased text without invisible characters
   * @param invisibleInWords invisible characters found between two letters or digits, a sign of a
   *     word split on purpose (emoji joiners and variation selectors are not counted)
   * @param hiddenText the ASCII text spelled by Unicode tag characters (U+E0020 to U+E007E), which
   *     renders as nothing but which a model may read; empty when there is none
   */
  record Normalized(String text, int invisibleInWords, String hiddenText) {}

  /** Normalises {@code raw}. */
  static Normalized normalize(String raw) {
    StringBuilder visible = new StringBuilder(raw.length());
    StringBuilder hidden = new StringBuilder();
    int invisibleInWords = 0;
    int previous = ' ';
    int i = 0;
    while (i < raw.length()) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= TAG_FIRST && cp <= TAG_LAST) {
        if (cp > TAG_FIRST + 0x1F && cp < TAG_LAST) {
          hidden.append((char) (cp - TAG_FIRST));
        }
        continue;
      }
      if (isInvisible(cp)) {
        int next = i < raw.length() ? raw.codePointAt(i) : ' ';
        boolean emojiJoiner = cp == ZERO_WIDTH_JOINER && !Character.isLetterOrDigit(previous);
        if (!emojiJoiner
            && Character.isLetterOrDigit(previous)
            && Character.isLetterOrDigit(next)) {
          invisibleInWords++;
        }
        continue;
      }
      visible.appendCodePoint(cp);
      previous = cp;
    }
    String text = Normalizer.normalize(visible, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return new Normalized(text, invisibleInWords, hidden.toString());
  }

  /** Returns whether {@code cp} renders as nothing: format characters and variation selectors. */
  static boolean isInvisible(int cp) {
    if (Character.getType(cp) == Character.FORMAT) {
      return true;
    }
    return (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x034F || (cp >= 0x180B && cp <= 0x180D);
  }
}
