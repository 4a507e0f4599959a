package dev.lookout.cli.report;

import dev.lookout.cli.config.ConfigLoader;
import dev.lookout.cli.config.ServeOptions;
import dev.lookout.cli.gateway.GatewayApiClient;
import dev.lookout.cli.gateway.TokenOption;
import dev.lookout.cli.serve.GatewayDiscovery;
import dev.lookout.core.time.DurationText;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.report.GroupBy;
import dev.lookout.store.report.Report;
import dev.lookout.store.report.ReportJson;
import dev.lookout.store.report.ReportQuery;
import dev.lookout.store.report.ReportText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lookout report}: calls, errors, tokens, cost and latency percentiles per group. Reads the
 * store directly when no gateway holds it, and otherwise asks the gateway's API.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Print calls, errors, tokens, cost and p50/p95/p99 latency per group.")
public final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Folder of the call store (default: data from LOOKOUT_DATA or lookout.yaml, else"
              + " ./lookout-data).")
  Path data;

  @Option(
      names = "--gateway",
      paramLabel = "URL",
      description = "Ask this running gateway instead of reading the store.")
  String gateway;

  @Mixin TokenOption token = new TokenOption();

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description = "Window to report, e.g. 30m, 24h, 7d (default: 24h).")
  String since = "24h";

  @Option(
      names = "--by",
      paramLabel = "GROUP",
      description = "Group by model, template, user, status or api_key (default: model).")
  String by = "model";

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table, json or csv (default: table).")
  String format = "table";

  @Override
  public Integer call() throws Exception {
    Duration window = DurationText.parse("--since", since);
    GroupBy group = GroupBy.parse(by);
    OutputFormat output = OutputFormat.parse(format);
    Report report = load(window, group);
    System.out.print(render(report, group, output));
    return 0;
  }

  /** Returns --data, else the folder lookout serve would use with the same environment. */
  private Path dataDir() {
    if (data != null) {
      return data;
    }
    return new ConfigLoader(System.getenv()).load(new ServeOptions()).dataDir();
  }

  private Report load(Duration window, GroupBy group) throws Exception {
    Path data = dataDir();
    Optional<String> url = gateway != null ? Optional.of(gateway) : GatewayDiscovery.find(data);
    if (url.isPresent()) {
      String query =
          "/api/v1/report?since="
              + URLEncoder.encode(since, StandardCharsets.UTF_8)
              + "&by="
              + URLEncoder.encode(group.wireName(), StandardCharsets.UTF_8);
      return ReportJson.read(
          new GatewayApiClient(url.get(), token.credential(null)).get(query, "the report"));
    }
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException(
          "No call store at "
              + data.toAbsolutePath()
              + "; pass --data DIR where lookout serve keeps its store, or --gateway URL");
    }
    // The store's open and close lines are for servers; a one-shot report keeps stderr quiet.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.lookout.store"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      return store.report(new ReportQuery(Instant.now().minus(window), group));
    }
  }

  static String render(Report report, GroupBy group, OutputFormat output) {
    switch (output) {
      case JSON:
        return ReportJson.write(report) + "\n";
      case CSV:
        return ReportText.csv(report, group);
      default:
        return ReportText.table(report, group);
    }
  }

  /** Output formats of the report. */
  enum OutputFormat {
    TABLE,
    JSON,
    CSV;

    static OutputFormat parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--format must be table, json or csv, got '" + value + "'", e);
      }
    }
  }
}
