package dev.lookout.cli.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.config.ConfigLoader;
import dev.lookout.cli.config.ServeOptions;
import dev.lookout.cli.gateway.GatewayApiClient;
import dev.lookout.cli.gateway.TokenOption;
import dev.lookout.cli.prices.OutputFormat;
import dev.lookout.cli.serve.GatewayDiscovery;
import dev.lookout.core.drift.DriftCheck;
import dev.lookout.core.drift.DriftKey;
import dev.lookout.core.drift.DriftState;
import dev.lookout.gateway.drift.DriftJson;
import dev.lookout.gateway.drift.DriftStatus;
import dev.lookout.store.drift.DriftStore;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lookout drift status}: each template's drift state, from a running gateway's {@code GET
 * /api/v1/drift} or from a stopped gateway's store.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show the drift state of each prompt template and model.")
public final class DriftStatusCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Folder of the store (default: as lookout serve resolves it).")
  Path data;

  @Option(
      names = "--gateway",
      paramLabel = "URL",
      description = "Ask this running gateway instead of reading the store.")
  String gateway;

  @Mixin TokenOption token = new TokenOption();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table or json (default: table).")
  String format = "table";

  @Override
  public Integer call() throws Exception {
    boolean json = OutputFormat.isJson(format);
    Path folder =
        data != null ? data : new ConfigLoader(System.getenv()).load(new ServeOptions()).dataDir();
    Optional<String> url = gateway != null ? Optional.of(gateway) : GatewayDiscovery.find(folder);
    String body =
        url.isPresent()
            ? new GatewayApiClient(url.get(), token.credential(null))
                .get("/api/v1/drift", "the drift status")
            : fromStore(folder);
    System.out.println(json ? body : table(JSON.readTree(body)));
    return 0;
  }

  private static String fromStore(Path folder) {
    StoreFolder.requireStore(folder, ", or --gateway URL");
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.lookout.store"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    try (DuckDbCallStore store = DuckDbCallStore.open(folder)) {
      DriftStore drift = DriftStore.open(store);
      Map<DriftKey, DriftStatus> statuses = new LinkedHashMap<>();
      drift
          .baselineCounts()
          .forEach(
              (key, count) ->
                  statuses.put(key, new DriftStatus(key, DriftState.COLD_START, null, count, 0)));
      for (DriftCheck check : drift.latestChecks()) {
        DriftStatus known = statuses.get(check.key());
        // A result whose baseline was reset since no longer describes the template.
        if (known != null) {
          statuses.put(
              check.key(),
              new DriftStatus(check.key(), check.state(), check, known.baselineN(), 0));
        }
      }
      return DriftJson.templates(new ArrayList<>(statuses.values()));
    }
  }

  static String table(JsonNode body) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%-24s %-28s %-10s %9s %9s %9s %9s  %s",
            "TEMPLATE",
            "MODEL",
            "STATE",
            "P_VALUE",
            "DISTANCE",
            "BASELINE",
            "WINDOW",
            "CHECKED_AT"));
    for (JsonNode entry : body.path("templates")) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%-24s %-28s %-10s %9s %9s %9d %9d  %s",
              entry.path("prompt_template").asText(),
              entry.path("model").asText(),
              entry.path("state").asText(),
              number(entry.path("p_value")),
              number(entry.path("distance")),
              entry.path("baseline_n").asInt(),
              entry.path("window_n").asInt(),
              entry.path("checked_at").isNull() ? "-" : entry.path("checked_at").asText()));
    }
    if (lines.size() == 1) {
      lines.add(
          "(no templates tracked: with drift on (lookout serve --drift), a template appears"
              + " with its first sampled response)");
    }
    return String.join("\n", lines);
  }

  private static String number(JsonNode value) {
    return value.isNumber() ? String.format(Locale.ROOT, "%.4f", value.asDouble()) : "-";
  }
}
