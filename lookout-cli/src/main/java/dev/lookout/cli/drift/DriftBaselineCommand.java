package dev.lookout.cli.drift;

import dev.lookout.cli.config.ConfigLoader;
import dev.lookout.cli.config.ServeOptions;
import dev.lookout.cli.serve.GatewayDiscovery;
import dev.lookout.core.drift.DriftKey;
import dev.lookout.core.drift.DriftSample;
import dev.lookout.embeddings.MiniLmEmbedder;
import dev.lookout.store.drift.DriftStore;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lookout drift baseline}: deletes a template's baselines, so the gateway collects new ones,
 * or replaces a baseline with the responses of a file. Works on a stopped gateway's store.
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
        description = "Set the baseline from responses in \"response\" or \"text\" of each line.")
    Path from;
  }

  @Option(
      names = "--model",
      paramLabel = "M",
      description =
          "Model of the baseline set with --from (default: the file's \"model\" field); with"
              + " --reset, only this model's baseline.")
  String model;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Folder of the store (default: as lookout serve resolves it).")
  Path data;

  @Override
  public Integer call() {
    Path folder =
        data != null ? data : new ConfigLoader(System.getenv()).load(new ServeOptions()).dataDir();
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
      try (DuckDbCallStore store = DuckDbCallStore.open(folder)) {
        DriftStore drift = DriftStore.open(store);
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
    ResponseFile.Contents contents = ResponseFile.read("--from", action.from);
    contents.reportBlank("--from", action.from, spec.commandLine().getErr());
    List<ResponseFile.Row> rows = contents.rows();
    String baselineModel = model != null ? model : rows.isEmpty() ? null : rows.get(0).model();
    if (baselineModel == null) {
      throw new IllegalArgumentException(
          "--from " + action.from + " has no \"model\" field; name the model with --model M");
    }
    if (rows.size() < 2) {
      throw new IllegalArgumentException(
          "--from "
              + action.from
              + " has "
              + rows.size()
              + " responses; a baseline needs at least 2");
    }
    List<DriftSample> samples = new ArrayList<>();
    try (MiniLmEmbedder embedder =
        MiniLmEmbedder.quantized(Runtime.getRuntime().availableProcessors())) {
      List<String> texts = contents.texts();
      List<float[]> vectors = embedder.embed(texts);
      for (int i = 0; i < texts.size(); i++) {
        samples.add(DriftSample.of(texts.get(i), vectors.get(i)));
      }
    }
    DriftKey key = new DriftKey(template, baselineModel);
    try (DuckDbCallStore store = DuckDbCallStore.open(folder)) {
      DriftStore.open(store).replaceBaseline(key, samples);
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

  private static String storedKeys(DriftStore drift) {
    List<String> keys = new ArrayList<>();
    for (DriftKey key : drift.baselineCounts().keySet()) {
      keys.add("template '" + key.promptTemplate() + "' model '" + key.model() + "'");
    }
    return keys.isEmpty() ? "none" : String.join(", ", keys);
  }
}
