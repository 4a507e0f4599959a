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
   * @param words words in the normalised text, each ideograph or kana counting as one
   */
  record Example(FeatureVector features, float[] signals, int words) {}

  /**
   * Returns the example for {@code raw} itself, followed by one example for each hidden text it
   * carries (tag-character text, readable base64 or hex blobs), which the classifier scores
   * separately because a hidden instruction is diluted by the text around it.
   */
  List<Example> examples(String raw) {
    TextNormalizer.Normalized normalized = TextNormalizer.normalize(raw);
    List<String> payloads = EncodedPayloads.decode(raw);
    List<Example> out = new ArrayList<>(1 + payloads.size());
    out.add(example(raw, normalized, payloads.size()));
    if (!normalized.hiddenText().isEmpty()) {
      out.add(decodedExample(normalized.hiddenText(), Signals.HIDDEN_TAG_TEXT));
    }
    for (String payload : payloads) {
      out.add(decodedExample(payload, Signals.ENCODED_TEXT));
    }
    return out;
  }

  /** Returns the example for {@code raw} alone, without scoring its hidden texts separately. */
  Example example(String raw) {
    return example(raw, TextNormalizer.normalize(raw), EncodedPayloads.decode(raw).size());
  }

  private Example example(String raw, TextNormalizer.Normalized normalized, int payloads) {
    FeatureVector features = hasher.features(normalized.text());
    // Each feature counts once per window: with counts, a sentence repeated k times scored
    // sqrt(k) times its margin, so long repetitive benign prompts crossed the threshold.
    features.distinct(hasher.bits());
    return new Example(
        features, Signals.compute(raw, normalized, payloads), words(normalized.text()));
  }

  /**
   * Returns the number of runs of letters and digits in {@code text}, where each ideograph and kana
   * counts as a run of its own, because those scripts write words without spaces.
   */
  static int words(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (unspaced(codePoint)) {
        words++;
        inWord = false;
      } else if (Character.isLetterOrDigit(codePoint)) {
        if (!inWord) {
          words++;
        }
        inWord = true;
      } else {
        inWord = false;
      }
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

  private Example decodedExample(String decoded, int signal) {
    TextNormalizer.Normalized normalized = TextNormalizer.normalize(decoded);
    Example example = example(decoded, normalized, 0);
    example.signals()[signal] = 1;
    return example;
  }
}
