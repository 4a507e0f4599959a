package dev.lookout.core.guard.pii.rules;

/**
 * Letters as the detectors read them next to a number. A cased letter (Latin, Greek, Cyrillic,
 * Armenian) glued to digits makes them part of a word or a code, since those scripts put spaces
 * between words. A letter of a script written without spaces, such as Chinese or Japanese, may come
 * right before or after a number that is separate.
 */
final class Letters {
  private Letters() {}

  /** Returns whether {@code c} is an upper, lower or title case letter. */
  static boolean cased(char c) {
    int type = Character.getType(c);
    return type == Character.UPPERCASE_LETTER
        || type == Character.LOWERCASE_LETTER
        || type == Character.TITLECASE_LETTER;
  }
}
