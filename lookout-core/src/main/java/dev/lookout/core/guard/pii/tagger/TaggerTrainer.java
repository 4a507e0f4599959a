package dev.lookout.core.guard.pii.tagger;

import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.pii.PiiType;
import dev.lookout.core.guard.pii.eval.LabelledText;
import dev.lookout.core.guard.pii.eval.PiiDataset;
import dev.lookout.core.guard.pii.eval.TemplateSplit;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the {@link EntityTagger} weights with an averaged perceptron (Collins 2002): greedy
 * left-to-right decoding with the tags the model itself chose as history, one update per wrong
 * token, and weights averaged over every step to curb over-fitting. The shuffle seed is fixed, so
 * the same data and epoch count give the same weights.
 *
 * <p>Run {@link #main} to rebuild the bundled weights from a labelled JSON lines file; only the
 * training side of the {@link TemplateSplit} is used, so that validation scores stay honest.
 */
public final class TaggerTrainer {
  private static final int TAGS = Tag.ALL.length;
  private static final long SEED = 20_261_204L;

  /** Averaged weights smaller than this in every tag are dropped from the written file. */
  private static final float PRUNE_BELOW = 1e-3f;

  private final Map<Long, float[]> weights = new HashMap<>();
  private final Map<Long, double[]> totals = new HashMap<>();
  private final Map<Long, int[]> stamps = new HashMap<>();
  private int step;

  /**
   * Rebuilds the weights file. Arguments: the labelled JSON lines file, the output file (for the
   * bundled weights, {@code
   * lookout-core/src/main/resources/dev/lookout/core/guard/pii/entity-tagger.bin.gz}) and
   * optionally the number of epochs (default 12).
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("Usage: TaggerTrainer DATA.jsonl OUT.bin.gz [EPOCHS]");
      System.exit(2);
    }
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 12;
    List<LabelledText> training = TemplateSplit.of(PiiDataset.read(Path.of(args[0]))).training();
    TaggerWeights trained = train(training, epochs);
    try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
      trained.write(out);
    }
    System.out.println(
        "Trained on " + training.size() + " texts; wrote " + trained.rowCount() + " features");
  }

  /** Trains for {@code epochs} passes over {@code texts} and returns the averaged weights. */
  static TaggerWeights train(List<LabelledText> texts, int epochs) {
    TaggerTrainer trainer = new TaggerTrainer();
    List<LabelledText> order = new ArrayList<>(texts);
    Random random = new Random(SEED);
    for (int epoch = 0; epoch < epochs; epoch++) {
      Collections.shuffle(order, random);
      for (LabelledText text : order) {
        trainer.learn(text);
      }
    }
    return trainer.averaged();
  }

  private void learn(LabelledText text) {
    Tokens tokens = Tokens.of(text.text());
    Tag[] gold = goldTags(tokens, text.entities());
    Features features = new Features(tokens);
    long[] staticKeys = new long[Features.STATIC_COUNT];
    long[] tagKeys = new long[Features.TAG_COUNT];
    float[] scores = new float[TAGS];
    Tag[] guesses = new Tag[tokens.size];
    for (int i = 0; i < tokens.size; i++) {
      Tag previous = i > 0 ? guesses[i - 1] : Tag.O;
      Tag beforePrevious = i > 1 ? guesses[i - 2] : Tag.O;
      features.staticFeatures(i, staticKeys);
      features.tagFeatures(i, previous, beforePrevious, tagKeys);
      Arrays.fill(scores, 0f);
      addScores(staticKeys, scores);
      addScores(tagKeys, scores);
      Tag guess = Tag.ALL[bestAllowed(scores, previous)];
      step++;
      if (guess != gold[i]) {
        update(staticKeys, gold[i], guess);
        update(tagKeys, gold[i], guess);
      }
      guesses[i] = guess;
    }
  }

  private static int bestAllowed(float[] scores, Tag previous) {
    int best = 0;
    for (int t = 1; t < TAGS; t++) {
      Tag tag = Tag.ALL[t];
      boolean allowed = !tag.continues() || previous.type() == tag.type();
      if (allowed && scores[t] > scores[best]) {
        best = t;
      }
    }
    return best;
  }

  private void addScores(long[] keys, float[] scores) {
    for (long key : keys) {
      float[] row = weights.get(key);
      if (row != null) {
        for (int t = 0; t < TAGS; t++) {
          scores[t] += row[t];
        }
      }
    }
  }

  private void update(long[] keys, Tag truth, Tag guess) {
    for (long key : keys) {
      float[] row = weights.computeIfAbsent(key, k -> new float[TAGS]);
      double[] total = totals.computeIfAbsent(key, k -> new double[TAGS]);
      int[] stamp = stamps.computeIfAbsent(key, k -> new int[TAGS]);
      adjust(row, total, stamp, truth.ordinal(), 1);
      adjust(row, total, stamp, guess.ordinal(), -1);
    }
  }

  private void adjust(float[] row, double[] total, int[] stamp, int tag, float delta) {
    total[tag] += (double) (step - stamp[tag]) * row[tag];
    stamp[tag] = step;
    row[tag] += delta;
  }

  private TaggerWeights averaged() {
    Map<Long, float[]> averaged = new HashMap<>();
    for (Map.Entry<Long, float[]> entry : weights.entrySet()) {
      float[] row = entry.getValue();
      double[] total = totals.get(entry.getKey());
      int[] stamp = stamps.get(entry.getKey());
      float[] mean = new float[TAGS];
      boolean keep = false;
      for (int t = 0; t < TAGS; t++) {
        double sum = total[t] + (double) (step - stamp[t]) * row[t];
        mean[t] = (float) (sum / step);
        keep |= Math.abs(mean[t]) >= PRUNE_BELOW;
      }
      if (keep) {
        averaged.put(entry.getKey(), mean);
      }
    }
    return TaggerWeights.of(averaged);
  }

  /** Returns the BIO tag of each token; tokens that overlap an entity span belong to it. */
  static Tag[] goldTags(Tokens tokens, List<Finding> entities) {
    Tag[] tags = new Tag[tokens.size];
    Arrays.fill(tags, Tag.O);
    for (Finding entity : entities) {
      PiiType type = PiiType.parseOrNull(entity.type());
      if (type != PiiType.PERSON && type != PiiType.ADDRESS && type != PiiType.LOCATION) {
        continue;
      }
      boolean first = true;
      for (int i = 0; i < tokens.size; i++) {
        if (tokens.starts[i] < entity.end() && entity.start() < tokens.ends[i]) {
          tags[i] = first ? Tag.begin(type) : Tag.inside(type);
          first = false;
        }
      }
    }
    return tags;
  }
}
