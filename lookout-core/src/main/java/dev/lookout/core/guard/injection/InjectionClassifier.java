package dev.lookout.core.guard.injection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores how likely a text is a prompt injection or jailbreak, from 0 to 1.
 *
 * <p>The model is logistic regression over hashed word and character n-grams plus a few evasion
 * {@link Signals}. A text longer than the model's window is scanned in overlapping windows and the
 * max window score is the text's score, so an attack appended to a long benign text is not diluted
 * by it. Base64 or hex blobs that decode to readable text, and text spelled in Unicode tag
 * characters, are scored on their own as well.
 *
 * <p>Phrase rule: a window with an order to drop earlier instructions, with two kinds of injection
 * phrasing together, or with a flood of one short unit repeated (see {@link Signals#phraseRule}),
 * scores 1 whatever the model scores. Trained without a source, the model learns too little weight
 * for these signals from the other sources: held out by source group, the rule raised recall from
 * 0.66 to 0.79 at the same false-positive rate. It fires on under 1% of the benign training
 * prompts.
 *
 * <p>Short-text rule: a text of at most {@value InjectionFeatures#SHORT_CHARS} characters and fewer
 * than {@value InjectionFeatures#SHORT_WORDS} words scores at most {@value #SHORT_TEXT_SCORE},
 * below any useful threshold, unless the phrase rule fires. Such a message rarely carries an
 * instruction to override anything, but the model, which learned "Hello" from jailbreaks that open
 * with "Hello ChatGPT", scored a bare "Hello" 0.89. The length bound keeps an attack glued into one
 * "word" (camel case, zero-width spaces) from counting as short unless it fits in that length.
 *
 * <p>NOTE: features are length-normalised per window, so a single short instruction inside a window
 * of benign text (one sentence in 1 KB) is diluted and may score below the threshold. A
 * paragraph-long attack appended to a long text is found.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class InjectionClassifier {
  /** Classpath location of the shipped weights. */
  public static final String RESOURCE = "/dev/lookout/core/guard/injection/injection-model.bin.gz";

  /**
   * Most characters, counted between the first and last visible one, of a message whose score the
   * short-text rule may cap.
   */
  public static final int CAPPED_MAX_CHARS = InjectionFeatures.FEW_WORDS_CHARS;

  /** Highest score of a short text (see {@link InjectionFeatures#brevity}) when no rule fires. */
  static final double SHORT_TEXT_SCORE = 0.5;

  private static final Logger LOG = LoggerFactory.getLogger(InjectionClassifier.class);

  private final LinearModel model;
  private final InjectionFeatures features;

  InjectionClassifier(LinearModel model) {
    this.model = model;
    this.features = new InjectionFeatures(model.bits);
  }

  /**
   * The highest-scoring window of a text: {@code text[start, end)}, its score, and the kinds of
   * injection phrasing that made the phrase rule fire (empty when the model gave the score).
   */
  public record WindowScore(int start, int end, double score, List<String> phrases) {}

  /**
   * Returns the classifier with the weights shipped in this jar, loaded once per class loader.
   *
   * @throws IllegalStateException when the weights resource is missing
   * @throws UncheckedIOException when the weights resource cannot be read
   */
  public static InjectionClassifier builtIn() {
    return BuiltIn.INSTANCE;
  }

  /** Loads a classifier from a weights file written by {@link InjectionTrainer}. */
  public static InjectionClassifier load(Path weights) throws IOException {
    try (InputStream in = Files.newInputStream(weights)) {
      return new InjectionClassifier(LinearModel.read(in));
    }
  }

  /** Returns the score at or above which a text counts as an injection, as shipped. */
  public double threshold() {
    return model.threshold;
  }

  /** Returns the window length, in chars, beyond which a text is scanned in windows. */
  public int window() {
    return model.window;
  }

  /** Returns the injection score of {@code text}, from 0 (benign) to 1 (injection). */
  public double score(String text) {
    return maxWindow(text).score();
  }

  /** Returns the window of {@code text} with the highest score. */
  public WindowScore maxWindow(String text) {
    WindowScore best = null;
    InjectionFeatures.Brevity brevity = InjectionFeatures.brevity(text);
    for (int[] span : TextWindows.spans(text, model.window, model.stride)) {
      List<InjectionFeatures.Example> examples =
          features.examples(text.substring(span[0], span[1]), brevity);
      List<String> phrases = ruleSignals(examples);
      double score = phrases.isEmpty() ? modelScore(examples) : 1.0;
      if (best == null || score > best.score()) {
        best = new WindowScore(span[0], span[1], score, phrases);
      }
      if (!phrases.isEmpty()) {
        break;
      }
    }
    return best;
  }

  /**
   * Returns the score of examples from {@link InjectionFeatures#examples}: 1 when the phrase rule
   * fires on one of them, otherwise the max of the model's scores.
   */
  double score(List<InjectionFeatures.Example> examples) {
    return ruleSignals(examples).isEmpty() ? modelScore(examples) : 1.0;
  }

  private double modelScore(List<InjectionFeatures.Example> examples) {
    double max = 0;
    for (InjectionFeatures.Example example : examples) {
      double score = LinearModel.sigmoid(model.logit(example.features(), example.signals()));
      if (capped(example)) {
        score = Math.min(score, SHORT_TEXT_SCORE);
      }
      max = Math.max(max, score);
    }
    return max;
  }

  /**
   * Returns whether the short-text rule caps an example's score: a short message always, a message
   * of a few words only when none of its {@link Signals} is set. The model's name alone does not
   * lift the cap, because in a few words it is a question about the model ("What do you think about
   * ChatGPT?"), while a jailbreak that addresses it needs more words or sets another signal.
   */
  private static boolean capped(InjectionFeatures.Example example) {
    switch (example.brevity()) {
      case SHORT:
        return true;
      case FEW_WORDS:
        float[] signals = example.signals();
        for (int i = 0; i < signals.length; i++) {
          if (signals[i] > 0 && i != Signals.AI_ADDRESSED) {
            return false;
          }
        }
        return true;
      default:
        return false;
    }
  }

  /** Returns the phrase kinds of the first example on which the phrase rule fires, or none. */
  private static List<String> ruleSignals(List<InjectionFeatures.Example> examples) {
    for (InjectionFeatures.Example example : examples) {
      if (Signals.phraseRule(example.signals())) {
        return Signals.phraseNames(example.signals());
      }
    }
    return List.of();
  }

  private static final class BuiltIn {
    static final InjectionClassifier INSTANCE = loadResource();

    private static InjectionClassifier loadResource() {
      try (InputStream in = InjectionClassifier.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "Injection model resource not found on the classpath: " + RESOURCE);
        }
        LinearModel model = LinearModel.read(in);
        LOG.debug(
            "Loaded injection model: 2^{} buckets, threshold {}", model.bits, model.threshold);
        return new InjectionClassifier(model);
      } catch (IOException e) {
        throw new UncheckedIOException("Failed to read injection model " + RESOURCE, e);
      }
    }
  }
}
