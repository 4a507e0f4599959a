package dev.lookout.core.guard.injection;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the injection model: logistic regression with AdaGrad and L2 regularisation over the
 * features of {@link InjectionFeatures}. Training is single-threaded and seeded, so the same rows
 * and settings give the same weights bit for bit.
 *
 * <p>Run {@link #main} to validate by held-out source, choose the threshold and write the weights
 * resource; {@code tools/injection/README.md} gives the command.
 */
public final class InjectionTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(InjectionTrainer.class);

  /**
   * Training settings.
   *
   * @param bits log2 of the number of hash buckets
   * @param window window length in chars for long texts (see {@link TextWindows})
   * @param stride distance in chars between window starts
   * @param epochs passes over the training rows
   * @param learningRate AdaGrad base step size
   * @param l2 L2 penalty per update on each weight the example touches
   * @param seed seed of the shuffle between epochs
   * @param groupBalance from 0 to 1: how far row weights move from equal per row (0) to equal per
   *     source group within each class (1), so that one large source does not define its class
   */
  public record Settings(
      int bits,
      int window,
      int stride,
      int epochs,
      double learningRate,
      double l2,
      long seed,
      double groupBalance) {

    /** Returns the settings of the shipped model. */
    public static Settings defaults() {
      return new Settings(18, 1024, 512, 8, 0.3, 1e-5, 20261204L, 0.5);
    }
  }

  /** One row's examples: its windows for training, and every example for scoring. */
  record PreparedRow(
      List<InjectionFeatures.Example> windows,
      List<InjectionFeatures.Example> scored,
      boolean injection,
      String source) {}

  private final Settings settings;
  private final InjectionFeatures features;

  public InjectionTrainer(Settings settings) {
    this.settings = settings;
    this.features = new InjectionFeatures(settings.bits());
  }

  Settings settings() {
    return settings;
  }

  /** Trains on {@code rows} and returns the classifier, with the default threshold of 0.5. */
  public InjectionClassifier train(List<LabeledText> rows) {
    return new InjectionClassifier(fit(prepare(rows)));
  }

  /** Extracts the features of every row once, so that many models can train on them. */
  List<PreparedRow> prepare(List<LabeledText> rows) {
    List<PreparedRow> prepared = new ArrayList<>(rows.size());
    for (LabeledText row : rows) {
      List<InjectionFeatures.Example> windows = new ArrayList<>();
      List<InjectionFeatures.Example> scored = new ArrayList<>();
      InjectionFeatures.Brevity brevity = InjectionFeatures.brevity(row.text());
      for (int[] span : TextWindows.spans(row.text(), settings.window(), settings.stride())) {
        List<InjectionFeatures.Example> examples =
            features.examples(row.text().substring(span[0], span[1]), brevity);
        for (InjectionFeatures.Example example : examples) {
          InjectionFeatures.Example compact =
              new InjectionFeatures.Example(
                  example.features().compact(), example.signals(), example.brevity());
          scored.add(compact);
          if (example == examples.get(0)) {
            windows.add(compact);
          }
        }
      }
      prepared.add(new PreparedRow(windows, scored, row.injection(), row.source()));
    }
    return prepared;
  }

  /**
   * Fits a model on {@code rows}. Each row weighs the same in total however many windows it has,
   * and the two classes weigh the same in total, so that the more frequent class does not shift the
   * bias. Within a class, {@link Settings#groupBalance} shifts weight from large source groups to
   * small ones.
   */
  LinearModel fit(List<PreparedRow> rows) {
    LinearModel model = new LinearModel(settings.bits(), settings.window(), settings.stride());
    int positives = 0;
    for (PreparedRow row : rows) {
      positives += row.injection() ? 1 : 0;
    }
    int negatives = rows.size() - positives;
    double positiveWeight = positives == 0 ? 0 : rows.size() / (2.0 * positives);
    double negativeWeight = negatives == 0 ? 0 : rows.size() / (2.0 * negatives);

    Map<String, Integer> rowsPerGroup = new HashMap<>();
    Map<Boolean, Integer> groupsPerClass = new HashMap<>();
    for (PreparedRow row : rows) {
      if (rowsPerGroup.merge(classGroup(row), 1, Integer::sum) == 1) {
        groupsPerClass.merge(row.injection(), 1, Integer::sum);
      }
    }
    List<InjectionFeatures.Example> examples = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    for (PreparedRow row : rows) {
      int classRows = row.injection() ? positives : negatives;
      double classWeight = row.injection() ? positiveWeight : negativeWeight;
      // The weight each row would get if every source group of its class weighed the same.
      double groupWeight =
          classWeight
              * classRows
              / (groupsPerClass.get(row.injection()) * (double) rowsPerGroup.get(classGroup(row)));
      classWeight =
          (1 - settings.groupBalance()) * classWeight + settings.groupBalance() * groupWeight;
      for (InjectionFeatures.Example window : row.windows()) {
        examples.add(window);
        weights.add(classWeight / row.windows().size());
        labels.add(row.injection());
      }
    }

    AdaGrad optimizer = new AdaGrad(model, settings.learningRate(), settings.l2());
    int[] order = new int[examples.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(settings.seed());
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      shuffle(order, random);
      for (int i : order) {
        optimizer.step(examples.get(i), labels.get(i), weights.get(i));
      }
    }
    return model;
  }

  private static String classGroup(PreparedRow row) {
    return row.injection() + " " + SourceValidation.group(row.source());
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /** Returns the score of each prepared row under {@code model}, as the classifier computes it. */
  static double[] score(LinearModel model, List<PreparedRow> rows) {
    InjectionClassifier classifier = new InjectionClassifier(model);
    double[] scores = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      scores[i] = classifier.score(rows.get(i).scored());
    }
    return scores;
  }

  /**
   * Validates by held-out source, trains the shipped model on every row, and writes it.
   *
   * <p>Usage: {@code InjectionTrainer DATA.jsonl OUT.bin.gz [INSTRUCTIONS.jsonl...]}. Each
   * INSTRUCTIONS file adds the instructions of its prompts as benign rows ({@link
   * InjectionDataset#readInstructions}).
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("Usage: InjectionTrainer DATA.jsonl OUT.bin.gz [INSTRUCTIONS.jsonl...]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<LabeledText> rows = new ArrayList<>(InjectionDataset.read(data));
    for (int i = 2; i < args.length; i++) {
      List<LabeledText> instructions = InjectionDataset.readInstructions(Path.of(args[i]));
      LOG.info("Adding {} benign instructions from {}", instructions.size(), args[i]);
      rows.addAll(instructions);
    }
    InjectionTrainer trainer = new InjectionTrainer(Settings.defaults());
    LOG.info("Preparing features of {} rows from {}", rows.size(), data);
    List<PreparedRow> prepared = trainer.prepare(rows);

    SourceValidation validation = new SourceValidation(trainer);
    SourceValidation.Result result = validation.nested(rows, prepared);
    System.out.println(ValidationReport.format(result));

    double[] outOfGroup = validation.outOfGroupScores(prepared);
    double threshold =
        SourceValidation.thresholdForFalsePositiveRate(
            prepared, outOfGroup, SourceValidation.MAX_FALSE_POSITIVE_RATE);
    boolean[] flagged = new boolean[outOfGroup.length];
    for (int i = 0; i < flagged.length; i++) {
      flagged[i] = outOfGroup[i] >= threshold;
    }
    // Slightly optimistic: the threshold is chosen on the same held-out-group scores.
    System.out.println("Held-out-group scores at the shipped threshold:");
    StringBuilder table = new StringBuilder();
    ValidationReport.appendTable(table, InjectionEvaluation.evaluate(rows, flagged));
    System.out.print(table);
    LinearModel model = trainer.fit(prepared);
    model.threshold = threshold;
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream stream = Files.newOutputStream(out)) {
      model.write(stream);
    }
    System.out.printf(
        "Wrote %s (%d bytes), threshold %.4f from all held-out-source scores%n",
        out, Files.size(out), threshold);
  }
}
