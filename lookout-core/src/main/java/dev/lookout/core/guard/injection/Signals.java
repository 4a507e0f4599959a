package dev.lookout.core.guard.injection;

import java.util.ArrayList;
import java.util.List;

/**
 * Binary signals of evasion and of injection phrasing that hashed n-grams miss or dilute, fed to
 * the model as extra features with weights learned like any other. Each is 0 or 1, independent of
 * text length.
 */
final class Signals {
  /** Invisible characters inside words. */
  static final int INVISIBLE_IN_WORDS = 0;

  /** Text spelled with Unicode tag characters. */
  static final int HIDDEN_TAG_TEXT = 1;

  /** A run of random-looking tokens, as in optimised adversarial suffixes. */
  static final int ODD_TOKEN_RUN = 2;

  /** Two or more words in leetspeak. */
  static final int LEET_WORDS = 3;

  /** A base64 or hex blob that decodes to readable text. */
  static final int ENCODED_TEXT = 4;

  /** An order to drop earlier instructions ({@link InjectionPhrases#OVERRIDE}). */
  static final int OVERRIDE_PHRASE = 5;

  /** A request for the hidden prompt or a secret ({@link InjectionPhrases#EXTRACTION}). */
  static final int EXTRACTION_PHRASE = 6;

  /** A rule-free persona ({@link InjectionPhrases#PERSONA}). */
  static final int PERSONA_PHRASE = 7;

  /** A claim that no rules apply ({@link InjectionPhrases#NO_RULES}). */
  static final int NO_RULES_PHRASE = 8;

  /** An order that fixes every later response ({@link InjectionPhrases#RESPONSE_CONTROL}). */
  static final int RESPONSE_CONTROL_PHRASE = 9;

  /** A request for responses without moral limits ({@link InjectionPhrases#AMORAL}). */
  static final int AMORAL_PHRASE = 10;

  /** A forged system or conversation marker ({@link InjectionPhrases#FAKE_MARKER}). */
  static final int FAKE_MARKER = 11;

  /** The model or its vendor addressed by name ({@link InjectionPhrases#AI_ADDRESSED}). */
  static final int AI_ADDRESSED = 12;

  /** Two or more of the phrase signals above at once. */
  static final int SEVERAL_PHRASES = 13;

  /**
   * A short unit repeated 40 or more times in a row, as in ") ] } ) ] } ...": floods meant to push
   * the real instructions out of the model's attention.
   */
  static final int FLOOD = 14;

  static final int COUNT = 15;

  /**
   * Repeats of one unit in a row that make a flood. Attack floods repeat their unit hundreds of
   * times, while a CSV row may repeat ",NA" a few dozen times.
   */
  static final int FLOOD_REPEATS = 40;

  /** Longest repeated unit, in chars, that counts toward a flood. */
  static final int FLOOD_MAX_UNIT = 16;

  /** Names of the phrase signals, from {@link #OVERRIDE_PHRASE} to {@link #AI_ADDRESSED}. */
  private static final List<String> PHRASE_NAMES =
      List.of(
          "override",
          "extraction",
          "persona",
          "no_rules",
          "response_control",
          "amoral",
          "fake_marker",
          "ai_addressed");

  /** Window of whitespace-separated tokens over which odd tokens are counted. */
  static final int RUN_WINDOW = 12;

  /** Odd tokens within {@link #RUN_WINDOW} that make a run. */
  static final int RUN_MIN_ODD = 4;

  private Signals() {}

  /**
   * Computes the signals of one text.
   *
   * @param raw the text as received
   * @param normalized its normalised form
   * @param encodedPayloads how many readable blobs {@link EncodedPayloads} found in {@code raw}
   */
  static float[] compute(String raw, TextNormalizer.Normalized normalized, int encodedPayloads) {
    float[] signals = new float[COUNT];
    signals[INVISIBLE_IN_WORDS] = normalized.invisibleInWords() > 0 ? 1 : 0;
    signals[HIDDEN_TAG_TEXT] = normalized.hiddenText().isEmpty() ? 0 : 1;
    signals[ODD_TOKEN_RUN] = hasOddTokenRun(raw) ? 1 : 0;
    signals[LEET_WORDS] = countLeetWords(normalized.text()) >= 2 ? 1 : 0;
    signals[ENCODED_TEXT] = encodedPayloads > 0 ? 1 : 0;
    AnchoredText text = new AnchoredText(normalized.text());
    signals[OVERRIDE_PHRASE] = InjectionPhrases.matchesOverride(text) ? 1 : 0;
    signals[EXTRACTION_PHRASE] = InjectionPhrases.matchesExtraction(text) ? 1 : 0;
    signals[PERSONA_PHRASE] = InjectionPhrases.matchesPersona(text) ? 1 : 0;
    signals[NO_RULES_PHRASE] = InjectionPhrases.matchesNoRules(text) ? 1 : 0;
    signals[RESPONSE_CONTROL_PHRASE] = InjectionPhrases.matchesResponseControl(text) ? 1 : 0;
    signals[AMORAL_PHRASE] = InjectionPhrases.matchesAmoral(text) ? 1 : 0;
    signals[FAKE_MARKER] = InjectionPhrases.matchesFakeMarker(text) ? 1 : 0;
    signals[AI_ADDRESSED] = InjectionPhrases.matchesAiAddressed(text) ? 1 : 0;
    int phrases = 0;
    for (int i = OVERRIDE_PHRASE; i <= AI_ADDRESSED; i++) {
      phrases += signals[i] > 0 ? 1 : 0;
    }
    signals[SEVERAL_PHRASES] = phrases >= 2 ? 1 : 0;
    signals[FLOOD] = hasFlood(raw) ? 1 : 0;
    return signals;
  }

  /**
   * Returns whether {@code signals} fire the classifier's phrase rule: an order to drop earlier
   * instructions, two kinds of injection phrasing at once, or a flood. The model is addressed by
   * name in many benign questions about its vendor's products ("show the system prompt in the
   * OpenAI playground"), so {@link #AI_ADDRESSED} counts only beside an order that changes how the
   * model behaves, not beside a request for its prompt.
   */
  static boolean phraseRule(float[] signals) {
    if (signals[OVERRIDE_PHRASE] > 0) {
      return true;
    }
    int phrases = 0;
    for (int i = OVERRIDE_PHRASE; i < AI_ADDRESSED; i++) {
      phrases += signals[i] > 0 ? 1 : 0;
    }
    boolean behaviourOrder =
        signals[PERSONA_PHRASE] > 0
            || signals[NO_RULES_PHRASE] > 0
            || signals[RESPONSE_CONTROL_PHRASE] > 0
            || signals[AMORAL_PHRASE] > 0;
    return phrases >= 2 || signals[AI_ADDRESSED] > 0 && behaviourOrder || signals[FLOOD] > 0;
  }

  /** Returns the names of the phrase signals set in {@code signals}, in signal order. */
  static List<String> phraseNames(float[] signals) {
    List<String> names = new ArrayList<>(2);
    for (int i = OVERRIDE_PHRASE; i <= AI_ADDRESSED; i++) {
      if (signals[i] > 0) {
        names.add(PHRASE_NAMES.get(i - OVERRIDE_PHRASE));
      }
    }
    if (signals[FLOOD] > 0) {
      names.add("flood");
    }
    return names;
  }

  /**
   * Returns whether {@code raw} repeats a unit of 2 to {@link #FLOOD_MAX_UNIT} chars {@link
   * #FLOOD_REPEATS} times in a row. The unit must hold a letter or a bracket and more than one
   * char: one repeated char is a divider, and digits with commas ("0, 0, 0") are a zero-filled
   * array in a code question.
   */
  static boolean hasFlood(String raw) {
    int length = raw.length();
    for (int unit = 2; unit <= FLOOD_MAX_UNIT; unit++) {
      // A flood needs `need` chars in a row, each equal to the char one unit back. The scan checks
      // the last char of the earliest such stretch first and walks back. A mismatch at j means no
      // stretch contains j, so the next one to try ends `need` chars after j. Text without a flood
      // is read about once per `need` chars instead of once per char.
      int need = unit * (FLOOD_REPEATS - 1);
      int end = unit + need - 1;
      while (end < length) {
        int j = end;
        while (j > end - need && raw.charAt(j) == raw.charAt(j - unit)) {
          j--;
        }
        if (j > end - need) {
          end = j + need;
          continue;
        }
        int i = end;
        while (i < length && raw.charAt(i) == raw.charAt(i - unit)) {
          if (isFloodUnit(raw, i - unit + 1, i + 1)) {
            return true;
          }
          i++;
        }
        end = i + need;
      }
    }
    return false;
  }

  static boolean isFloodUnit(String raw, int start, int end) {
    char first = raw.charAt(start);
    boolean varied = false;
    boolean content = false;
    for (int i = start; i < end; i++) {
      char c = raw.charAt(i);
      varied |= c != first;
      content |= Character.isLetter(c) || "()[]{}<>".indexOf(c) >= 0;
    }
    return varied && content;
  }

  static boolean hasOddTokenRun(String raw) {
    boolean[] recent = new boolean[RUN_WINDOW];
    int tokens = 0;
    int inWindow = 0;
    int i = 0;
    while (i < raw.length()) {
      if (Character.isWhitespace(raw.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < raw.length() && !Character.isWhitespace(raw.charAt(i))) {
        i++;
      }
      int slot = tokens++ % RUN_WINDOW;
      inWindow -= recent[slot] ? 1 : 0;
      recent[slot] = isOddToken(raw, start, i);
      inWindow += recent[slot] ? 1 : 0;
      if (inWindow >= RUN_MIN_ODD) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether {@code token[start, end)} looks machine-made: two or more symbols inside it
   * (not counting surrounding quotes, brackets and sentence punctuation), or a lower-case word
   * joined to a capitalised one ({@code similarlyNow}).
   */
  static boolean isOddToken(String token, int start, int end) {
    while (start < end && isEdgePunctuation(token.charAt(start))) {
      start++;
    }
    while (end > start && isEdgePunctuation(token.charAt(end - 1))) {
      end--;
    }
    int innerSymbols = 0;
    int lowerRun = 0;
    for (int i = start; i < end; i++) {
      char c = token.charAt(i);
      if (Character.isLowerCase(c)) {
        lowerRun++;
        continue;
      }
      if (Character.isUpperCase(c) && lowerRun >= 3 && i + 1 < end) {
        return true;
      }
      lowerRun = 0;
      if (!Character.isLetterOrDigit(c) && c != '\'' && c != '-') {
        innerSymbols++;
      }
    }
    return innerSymbols >= 2;
  }

  private static boolean isEdgePunctuation(char c) {
    return "\"'()[]{}<>.,;:!?".indexOf(c) >= 0;
  }

  private static int countLeetWords(String text) {
    int count = 0;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (Leetspeak.decode(text, start, i) != null) {
        count++;
      }
      i++;
    }
    return count;
  }
}
