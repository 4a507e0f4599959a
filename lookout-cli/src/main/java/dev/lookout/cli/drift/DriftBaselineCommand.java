package dev.lookout.cli.drift;

import dev.lookout.cli.config.ServeConfig;
import dev.lookout.cli.config.StoreOptions;
import dev.lookout.cli.serve.GatewayDiscovery;
import dev.lookout.core.drift.DriftKey;
import dev.lookout.core.drift.DriftSample;
import dev.lookout.core.drift.DriftSettings;
import dev.lookout.core.drift.SampleText;
import dev.lookout.core.drift.StyleFeatures;
import dev.lookout.embeddings.MiniLmEmbedder;
import dev.lookout.store.drift.DriftStore;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lookout drift baseline}: deletes a template's baselines, so the gateway collects new ones,
 * or replaces a baseline with the responses of a file. Works on a stopped gateway's store, which
 * must exist, and reads the configuration for the PII redaction that the gateway applies to sampled
 * responses.
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = {
      "Reset a prompt template's drift baselines, or set one from a JSON-lines file.",
      "Stop the gateway first: it holds the store open and keeps its baselines in memory."
    })
public final class DriftBaselineCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--template",
      required = true,
      paramLabel = "T",
      description = "Prompt template (x-lookout-template); none for calls without one.")
  String template;

  @ArgGroup(multiplicity = "1")
  Action action;

  static final class Action {
    @Option(names = "--reset", description = "Delete the template's baselines (every model).")
    boolean reset;

    @Option(
        names = "--from",
        paramLabel = "FILE",
        description =
            "Set the baseline from responses in \"response\" or \"text\" of each line, at"
                + " least "
                + DriftSettings.MIN_SAMPLES
                + ", redacted like sampled responses while guards.pii is on.")
    Path from;
  }

  @Option(
      names = "--model",
      paramLabel = "M",
      description =
          "Model of the baseline set with --from (default: the file's \"model\" field); with"
              + " --reset, only this model's baseline.")
  String model;

  @Mixin StoreOptions store = new StoreOptions();

  @Override
  public Integer call() {
    ServeConfig config = store.load();
    Path folder = config.dataDir();
    StoreFolder.requireStore(folder, "");
    Optional<String> running = GatewayDiscovery.find(folder);
    if (running.isPresent()) {
      throw new IllegalStateException(
          "A gateway at "
              + running.get()
              + " holds the store in "
              + folder.toAbsolutePath()
              + " open; stop it, run this command, then start it again");
    }
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.lookout"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    if (action.reset) {
      return reset(folder);
    }
    return setFromFile(folder, config.guards().storageRedactor());
  }

  private int reset(Path folder) {
    try (DuckDbCallStore callStore = DuckDbCallStore.open(folder)) {
      DriftStore drift = DriftStore.open(callStore);
      int deleted = drift.resetBaseline(template, model);
      if (deleted == 0) {
        throw new IllegalArgumentException(
            "No baseline of template '"
                + template
                + "'"
                + (model != null ? " and model '" + model + "'" : "")
                + " in "
                + folder.toAbsolutePath()
                + "; stored baselines: "
                + storedKeys(drift));
      }
      System.out.println(
          "Deleted "
              + deleted
              + " baseline responses of template '"
              + template
              + "'"
              + (model != null ? " and model '" + model + "'" : "")
              + "; the gateway collects a new baseline from the next responses");
    }
    return 0;
  }

  /**
   * Returns the one model the rows name, or null when none names one.
   *
   * @throws IllegalArgumentException when the rows name more than one model, since a baseline holds
   *     the responses of one template and model
   */
  private String fileModel(List<ResponseFile.Row> rows) {
    TreeSet<String> models = new TreeSet<>();
    for (ResponseFile.Row row : rows) {
      if (row.model() != null) {
        models.add(row.model());
      }
    }
    if (models.size() > 1) {
      throw new IllegalArgumentException(
          "--from "
              + action.from
              + " names "
              + models.size()
              + " models "
              + models
              + ", but a baseline is one model's; split the file by model, or pass --model M to"
              + " store all its lines as model M's baseline");
    }
    return models.isEmpty() ? null : models.first();
  }

  private int setFromFile(Path folder, UnaryOperator<String> redactor) {
    ResponseFile.Contents contents = ResponseFile.read("--from", action.from);
    contents.reportBlank("--from", action.from, spec.commandLine().getErr());
    List<ResponseFile.Row> rows = contents.rows();
    if (rows.size() < DriftSettings.MIN_SAMPLES) {
      throw new IllegalArgumentException(
          "--from "
              + action.from.toAbsolutePath()
              + " has "
              + rows.size()
              + " non-blank responses, but a baseline needs at least "
              + DriftSettings.MIN_SAMPLES
              + "; add responses to the file");
    }
    String baselineModel = model != null ? model : fileModel(rows);
    if (baselineModel == null) {
      throw new IllegalArgumentException(
          "--from " + action.from + " has no \"model\" field; name the model with --model M");
    }
    List<DriftSample> samples = samples(contents.texts(), redactor);
    DriftKey key = new DriftKey(template, baselineModel);
    try (DuckDbCallStore callStore = DuckDbCallStore.open(folder)) {
      DriftStore.open(callStore).replaceBaseline(key, samples);
    }
    System.out.println(
        "Set the baseline of template '"
            + key.promptTemplate()
            + "' and model '"
            + key.model()
            + "' to "
            + samples.size()
            + " responses; a gateway uses the first drift.baseline_size of them");
    return 0;
  }

  /**
   * Returns the samples of {@code texts} as the gateway's drift monitor makes them from sampled
   * responses: redacted, style features of the whole text, the text cut to its stored length.
   */
  private static List<DriftSample> samples(List<String> texts, UnaryOperator<String> redactor) {
    List<String> cut = new ArrayList<>(texts.size());
    List<float[]> styles = new ArrayList<>(texts.size());
    for (String text : texts) {
      String redacted = redactor.apply(text);
      styles.add(StyleFeatures.of(redacted));
      cut.add(SampleText.cut(redacted));
    }
    List<DriftSample> samples = new ArrayList<>(texts.size());
    try (MiniLmEmbedder embedder =
        MiniLmEmbedder.quantized(Runtime.getRuntime().availableProcessors())) {
      List<float[]> vectors = embedder.embed(cut);
      for (int i = 0; i < cut.size(); i++) {
        samples.add(new DriftSample(cut.get(i), vectors.get(i), styles.get(i)));
      }
    }
    return samples;
  }

  private static String storedKeys(DriftStore drift) {
    List<String> keys = new ArrayList<>();
    for (DriftKey key : drift.baselineCounts().keySet()) {
      keys.add("template '" + key.promptTemplate() + "' model '" + key.model() + "'");
    }
    return keys.isEmpty() ? "none" : String.join(", ", keys);
  }
}
