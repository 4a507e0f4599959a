package dev.lookout.core.guard.pii.tagger;

import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.pii.PiiType;
import dev.lookout.core.guard.pii.SpanDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds person names, street addresses and locations with a token tagger: a linear model over
 * hashed word, shape and context {@link Features}, decoded greedily from left to right in the BIO
 * scheme. The weights come from an averaged perceptron trained by {@link TaggerTrainer}; the
 * bundled weights ship as a class-path resource, so nothing is downloaded.
 *
 * <p>The score of a finding grows from 0.5 towards 0.99 with the mean margin of its tokens (how far
 * each chosen tag leads the best other one). It ranks findings but is not a calibrated probability.
 */
public final class EntityTagger implements SpanDetector {
  /** Class-path location of the bundled weights. */
  public static final String RESOURCE = "/dev/lookout/core/guard/pii/entity-tagger.bin.gz";

  private static final Logger LOG = LoggerFactory.getLogger(EntityTagger.class);

  /** Mean token margin at which the score reaches about 0.87; typical margins are 1 to 200. */
  private static final double MARGIN_SCALE = 50;

  private static volatile EntityTagger bundled;

  private final TaggerWeights weights;

  EntityTagger(TaggerWeights weights) {
    this.weights = weights;
  }

  /**
   * Returns the tagger with the bundled weights, loading them on first use.
   *
   * @throws UncheckedIOException if the resource is missing or unreadable
   */
  public static EntityTagger bundled() {
    EntityTagger tagger = bundled;
    if (tagger == null) {
      synchronized (EntityTagger.class) {
        tagger = bundled;
        if (tagger == null) {
          tagger = new EntityTagger(load());
          bundled = tagger;
        }
      }
    }
    return tagger;
  }

  private static TaggerWeights load() {
    try (InputStream in = EntityTagger.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("Resource not found: " + RESOURCE);
      }
      TaggerWeights weights = TaggerWeights.read(in);
      LOG.debug("Loaded entity tagger weights: {} features", weights.rowCount());
      return weights;
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to load the entity tagger weights", e);
    }
  }

  @Override
  public Set<PiiType> types() {
    return Set.of(PiiType.PERSON, PiiType.ADDRESS, PiiType.LOCATION);
  }

  @Override
  public List<Finding> detect(String text) {
    Tokens tokens = Tokens.of(text);
    float[] margins = new float[tokens.size];
    Tag[] tags = tag(tokens, weights, margins);
    return spans(tokens, tags, margins);
  }

  /** Tags every token greedily; {@code margins} receives each chosen tag's lead over the next. */
  static Tag[] tag(Tokens tokens, TaggerWeights weights, float[] margins) {
    Features features = new Features(tokens);
    Tag[] tags = new Tag[tokens.size];
    long[] staticKeys = new long[Features.STATIC_COUNT];
    long[] tagKeys = new long[Features.TAG_COUNT];
    float[] scores = new float[Tag.ALL.length];
    for (int i = 0; i < tokens.size; i++) {
      Tag previous = i > 0 ? tags[i - 1] : Tag.O;
      Tag beforePrevious = i > 1 ? tags[i - 2] : Tag.O;
      features.staticFeatures(i, staticKeys);
      features.tagFeatures(i, previous, beforePrevious, tagKeys);
      Arrays.fill(scores, 0f);
      for (long key : staticKeys) {
        weights.addTo(key, scores);
      }
      for (long key : tagKeys) {
        weights.addTo(key, scores);
      }
      int best = best(scores, previous);
      tags[i] = Tag.ALL[best];
      if (margins != null) {
        margins[i] = margin(scores, best, previous);
      }
    }
    return tags;
  }

  /** Returns the best tag, never an {@code I_} tag that does not continue {@code previous}. */
  private static int best(float[] scores, Tag previous) {
    int best = 0;
    for (int t = 1; t < scores.length; t++) {
      Tag tag = Tag.ALL[t];
      if (tag.continues() && previous.type() != tag.type()) {
        continue;
      }
      if (scores[t] > scores[best]) {
        best = t;
      }
    }
    return best;
  }

  /** Returns how far the chosen tag leads the best other tag allowed after {@code previous}. */
  private static float margin(float[] scores, int best, Tag previous) {
    float second = Float.NEGATIVE_INFINITY;
    for (int t = 0; t < scores.length; t++) {
      Tag tag = Tag.ALL[t];
      boolean allowed = !tag.continues() || previous.type() == tag.type();
      if (t != best && allowed && scores[t] > second) {
        second = scores[t];
      }
    }
    return scores[best] - second;
  }

  static List<Finding> spans(Tokens tokens, Tag[] tags, float[] margins) {
    List<Finding> findings = new ArrayList<>();
    int i = 0;
    while (i < tokens.size) {
      Tag tag = tags[i];
      if (tag == Tag.O) {
        i++;
        continue;
      }
      PiiType type = tag.type();
      int first = i;
      double marginSum = margins == null ? 0 : margins[i];
      i++;
      while (i < tokens.size && tags[i].continues() && tags[i].type() == type) {
        marginSum += margins == null ? 0 : margins[i];
        i++;
      }
      double meanMargin = marginSum / (i - first);
      double score = 0.5 + 0.49 * Math.tanh(meanMargin / MARGIN_SCALE);
      findings.add(new Finding(type.name(), tokens.starts[first], tokens.ends[i - 1], score));
    }
    return findings;
  }
}
