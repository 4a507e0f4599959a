package dev.lookout.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.config.ConfigLoader;
import dev.lookout.cli.config.ServeOptions;
import dev.lookout.cli.gateway.GatewayApiClient;
import dev.lookout.cli.gateway.TokenOption;
import dev.lookout.cli.input.InputFile;
import dev.lookout.cli.prices.OutputFormat;
import dev.lookout.cli.serve.GatewayDiscovery;
import dev.lookout.core.experiment.AnalysisJson;
import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.experiment.ExperimentAnalyzer;
import dev.lookout.core.experiment.ExperimentData;
import dev.lookout.core.experiment.ObservationRows;
import dev.lookout.core.experiment.Variant;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.duckdb.DuckDbExperimentQueries;
import dev.lookout.store.duckdb.DuckDbFeedbackStore;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lookout experiment analyze}: the analysis of stored calls of a configured experiment (read
 * from the store, or from the running gateway that has it open), or of raw rows from a JSON-lines
 * file.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "Compare each variant with the control: difference, 95%% CI, p-values (fixed, Holm-adjusted"
            + " and always-valid), lift, sample-ratio check and sample size still needed.")
public final class ExperimentAnalyzeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "ID",
      description = "Experiment id from lookout.yaml, to analyse stored calls.")
  String id;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description =
          "JSON-lines rows {\"variant\": ..., \"<metric>\": value} to analyse instead of stored"
              + " calls.")
  Path input;

  @Option(
      names = "--weights",
      paramLabel = "NAME=WEIGHT,...",
      description = "Planned weights of --input rows (default: equal).")
  String weights;

  @Option(
      names = "--mde",
      paramLabel = "D",
      description = "Minimum detectable effect relative to the control, e.g. 0.05 (--input only).")
  Double mde;

  @Option(
      names = "--control",
      paramLabel = "NAME",
      description =
          "Control variant (default: the configured control; for --input the variant named"
              + " control, else the first in --weights or in the file).")
  String control;

  @Option(names = "--data", paramLabel = "DIR", description = "Folder of the call store.")
  Path data;

  @Option(
      names = "--gateway",
      paramLabel = "URL",
      description = "Ask this running gateway instead of reading the store.")
  String gateway;

  @Mixin TokenOption token = new TokenOption();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: LOOKOUT_CONFIG, else ./lookout.yaml).")
  Path config;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table or json (default: table).")
  String format = "table";

  @Override
  public Integer call() throws Exception {
    boolean json = OutputFormat.isJson(format);
    if ((id == null) == (input == null)) {
      throw new IllegalArgumentException(
          "Give either an experiment ID (stored calls) or --input FILE.jsonl (raw rows)");
    }
    JsonNode analysis = input != null ? analyzeInput() : analyzeStored();
    spec.commandLine().getOut().print(json ? analysis + "\n" : AnalysisTable.render(analysis));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private JsonNode analyzeInput() throws Exception {
    if (data != null || gateway != null) {
      throw new IllegalArgumentException("--data and --gateway apply to stored calls, not --input");
    }
    InputFile.requireFile("--input", input, "a JSON-lines file of rows");
    ObservationRows rows;
    try {
      rows = ObservationRows.read(input);
    } catch (IOException e) {
      throw InputFile.readFailed("--input", input, e);
    }
    List<Variant> variants = new ArrayList<>();
    if (weights != null) {
      variants.addAll(VariantWeights.parse("--weights", weights));
      List<String> named = variants.stream().map(Variant::name).toList();
      for (String variant : rows.variants()) {
        if (!named.contains(variant)) {
          throw new IllegalArgumentException(
              input
                  + " has rows of variant '"
                  + variant
                  + "', which --weights does not name ("
                  + named
                  + "); add "
                  + variant
                  + "=WEIGHT to --weights, or leave --weights out for equal weights");
        }
      }
    } else {
      rows.variants().forEach(name -> variants.add(new Variant(name, 1, null)));
    }
    if (variants.size() < 2) {
      throw new IllegalArgumentException(
          input + " has rows of " + variants.size() + " variant(s); an analysis needs two or more");
    }
    Experiment experiment = new Experiment("input", control, variants, List.of(), mde, null, null);
    ExperimentData observed = rows.data();
    return AnalysisJson.toJson(ExperimentAnalyzer.analyze(experiment, observed));
  }

  private JsonNode analyzeStored() throws Exception {
    if (weights != null || mde != null) {
      throw new IllegalArgumentException(
          "--weights and --mde apply to --input; a stored experiment takes them from lookout.yaml");
    }
    Optional<String> url = Optional.ofNullable(gateway);
    Path dataDir = null;
    if (url.isEmpty()) {
      dataDir = dataDir();
      url = GatewayDiscovery.find(dataDir);
    }
    if (url.isPresent()) {
      JsonNode fetched =
          new GatewayApiClient(url.get(), token.credential(config))
              .getJson(
                  "/api/v1/experiments/" + URLEncoder.encode(id, StandardCharsets.UTF_8),
                  "experiment '" + id + "'");
      if (control != null && !control.equals(fetched.path("control").asText())) {
        throw new IllegalArgumentException(
            "--control applies only when the store is read directly; the gateway uses the"
                + " configured control");
      }
      return fetched;
    }
    Experiment experiment = VariantWeights.fromConfig(id, config);
    if (control != null) {
      experiment =
          new Experiment(
              experiment.id(),
              control,
              experiment.variants(),
              experiment.metrics(),
              experiment.mde(),
              experiment.start(),
              experiment.stop());
    }
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException(
          "No call store at "
              + dataDir.toAbsolutePath()
              + "; pass --data DIR where lookout serve keeps its store, or --gateway URL");
    }
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.lookout.store"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    try (DuckDbCallStore store = DuckDbCallStore.open(dataDir);
        DuckDbFeedbackStore feedback = DuckDbFeedbackStore.open(store)) {
      ExperimentData observed = new DuckDbExperimentQueries(store).data(experiment);
      return AnalysisJson.toJson(ExperimentAnalyzer.analyze(experiment, observed));
    }
  }

  private Path dataDir() {
    if (data != null) {
      return data;
    }
    ServeOptions options = new ServeOptions();
    options.config = config;
    return new ConfigLoader(System.getenv()).load(options).dataDir();
  }
}
