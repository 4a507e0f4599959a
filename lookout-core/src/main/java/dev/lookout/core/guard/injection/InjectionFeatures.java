package dev.lookout.core.guard.injection;

import java.util.ArrayList;
import java.util.List;

/**
 * The feature pipeline shared by training and scoring: normalise, hash n-grams, compute {@link
 * Signals}. Training and scoring must use this one class, or the model sees features at run time
 * that it never saw in training.
 */
final class InjectionFeatures {
  private final FeatureHasher hasher;

  InjectionFeatures(int bits) {
    this.hasher = new FeatureHasher(bits);
  }

  /** Features of one text, as the model consumes them. */
  /**
   * The model's input for one text.
   *
   * @param features hashed n-grams, each counted once
   * @param signals the {@link Signals} of the text
   * @param shortText whether the whole message the text comes from is greeting-sized: see {@link
   *     #isShort}
   */
  record Example(FeatureVector features, float[] signals, boolean shortText) {}

  /** Most characters of a short text, "Hello ChatGPT!" and "Thanks a lot" included. */
  static final int SHORT_CHARS = 24;

  /** Fewer words than this, in at most {@link #SHORT_CHARS} characters, make a text short. */
  static final int SHORT_WORDS = 3;

  /**
   * Returns the example for {@code raw} itself, followed by one example for each hidden text it
   * carries (tag-character text, readable base64 or hex blobs), which the classifier scores
   * separately because a hidden instruction is diluted by the text around it.
   *
   * @param raw one window of a message
   * @param shortMessage whether the whole message is short ({@link #isShort}); a window or a
   *     decoded payload is never judged short on its own, or padding could split an attack into
   *     short parts
   */
  List<Example> examples(String raw, boolean shortMessage) {
    TextNormalizer.Normalized normalized = TextNormalizer.normalize(raw);
    List<String> payloads = EncodedPayloads.decode(raw);
    List<Example> out = new ArrayList<>(1 + payloads.size());
    out.add(example(raw, normalized, payloads.size(), shortMessage));
    if (!normalized.hiddenText().isEmpty()) {
      out.add(decodedExample(normalized.hiddenText(), Signals.HIDDEN_TAG_TEXT, shortMessage));
    }
    for (String payload : payloads) {
      out.add(decodedExample(payload, Signals.ENCODED_TEXT, shortMessage));
    }
    return out;
  }

  /** Returns the example for {@code raw} alone, without scoring its hidden texts separately. */
  Example example(String raw) {
    return example(
        raw, TextNormalizer.normalize(raw), EncodedPayloads.decode(raw).size(), isShort(raw));
  }

  private Example example(
      String raw, TextNormalizer.Normalized normalized, int payloads, boolean shortMessage) {
    FeatureVector features = hasher.features(normalized.text());
    // Each feature counts once per window: with counts, a sentence repeated k times scored
    // sqrt(k) times its margin, so long repetitive benign prompts crossed the threshold.
    features.distinct(hasher.bits());
    return new Example(features, Signals.compute(raw, normalized, payloads), shortMessage);
  }

  /**
   * Returns whether {@code raw}, as received, has at most {@link #SHORT_CHARS} characters and fewer
   * than {@link #SHORT_WORDS} words. The length is counted before invisible characters are removed,
   * so an attack whose words are glued with zero-width spaces or camel case is short only when it
   * fits in those few characters.
   */
  static boolean isShort(String raw) {
    int start = 0;
    int end = raw.length();
    while (start < end && blank(raw.codePointAt(start))) {
      start += Character.charCount(raw.codePointAt(start));
    }
    while (end > start && blank(raw.codePointBefore(end))) {
      end -= Character.charCount(raw.codePointBefore(end));
    }
    return raw.codePointCount(start, end) <= SHORT_CHARS
        && words(raw.substring(start, end)) < SHORT_WORDS;
  }

  /**
   * Returns whether a code point shows nothing: white space, a space separator or a format mark.
   */
  private static boolean blank(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || Character.getType(codePoint) == Character.FORMAT;
  }

  /**
   * Returns the number of words in {@code text}: runs of letters and digits, split where an
   * upper-case letter between two lower-case ones starts a camel-case hump, with each ideograph and
   * kana counting as a word of its own, because those scripts write words without spaces.
   */
  static int words(String text) {
    int words = 0;
    int previous = ' ';
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (unspaced(codePoint)) {
        words++;
      } else if (Character.isLetterOrDigit(codePoint)
          && (!Character.isLetterOrDigit(previous) || unspaced(previous))) {
        words++;
      } else if (Character.isUpperCase(codePoint)
          && Character.isLowerCase(previous)
          && i < text.length()
          && Character.isLowerCase(text.codePointAt(i))) {
        // A camel-case hump: "ignoreAll" is two words, while "ChatGPT" and "OpenAI" stay one.
        words++;
      }
      previous = codePoint;
    }
    return words;
  }

  private static boolean unspaced(int codePoint) {
    if (Character.isIdeographic(codePoint)) {
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
  }

  private Example decodedExample(String decoded, int signal, boolean shortMessage) {
    TextNormalizer.Normalized normalized = TextNormalizer.normalize(decoded);
    Example example = example(decoded, normalized, 0, shortMessage);
    example.signals()[signal] = 1;
    return example;
  }
}
