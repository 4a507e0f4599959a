package dev.lookout.cli.demo;

import dev.lookout.cli.config.ConfigLoader;
import dev.lookout.cli.config.ServeConfig;
import dev.lookout.cli.config.ServeOptions;
import dev.lookout.cli.replay.ReplaySettings;
import dev.lookout.cli.replay.ReplaySummary;
import dev.lookout.cli.replay.Replayer;
import dev.lookout.cli.serve.GatewayRuntime;
import dev.lookout.cli.sim.DemoTraffic;
import dev.lookout.gateway.drift.DriftMonitor;
import dev.lookout.gateway.sim.SimulatorSettings;
import dev.lookout.gateway.sim.TrafficRecord;
import dev.lookout.gateway.sim.UpstreamSimulator;
import dev.lookout.store.report.GroupBy;
import dev.lookout.store.report.Report;
import dev.lookout.store.report.ReportText;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lookout demo}: starts the upstream simulator and the gateway, replays the bundled real
 * prompts and responses through the gateway, prints the report and keeps the gateway running.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Replay bundled real LLM traffic through a local gateway and print the report.",
      "Nothing leaves this machine: both upstreams are a local simulator, whatever"
          + " --upstream and --anthropic-upstream say."
    })
public final class DemoCommand implements Callable<Integer> {
  @Mixin ServeOptions options = new ServeOptions();

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Replay at most this many records, 0 for all (default: 0).")
  int limit;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "Requests in flight at once (default: 32).")
  int concurrency = 32;

  @Option(
      names = "--stream-ratio",
      paramLabel = "FRACTION",
      description = "Fraction of requests sent as streams, 0 to 1 (default: 0.5).")
  double streamRatio = 0.5;

  @Option(
      names = "--users",
      paramLabel = "N",
      description = "Distinct user ids to spread calls over (default: 20).")
  int users = 20;

  @Option(
      names = "--sim-ttft-ms",
      paramLabel = "MS",
      description = "Simulated time to first token, in milliseconds (default: 40).")
  long ttftMs = 40;

  @Option(
      names = "--sim-tokens-per-second",
      paramLabel = "N",
      description = "Simulated token rate of each stream (default: 2000).")
  double tokensPerSecond = 2000;

  @Option(
      names = "--exit",
      description = "Exit after printing the report instead of serving until Ctrl-C.")
  boolean exitAfterReport;

  /** Called with the gateway's URL after the report of an {@code --exit} run, before it stops. */
  Consumer<String> beforeExit = url -> {};

  @Override
  public Integer call() throws Exception {
    List<TrafficRecord> records = DemoTraffic.load();
    Vertx simVertx = Vertx.vertx();
    UpstreamSimulator simulator =
        UpstreamSimulator.start(
                simVertx,
                SimulatorSettings.defaults().withPort(0).withTiming(ttftMs, tokensPerSecond),
                records)
            .await(30, TimeUnit.SECONDS);
    ConfigLoader loader = new ConfigLoader(System.getenv());
    ServeConfig loaded = loader.load(options);
    if (!loader.configuresDrift(options)) {
      loaded = loaded.withDrift(DemoSetup.drift());
    }
    ServeConfig config =
        loaded
            .withExperiments(DemoSetup.withExperiment(loaded.experiments()))
            .withAccess(DemoSetup.withBudgets(loaded.access()))
            .withGateway(
                loaded
                    .gateway()
                    .withUpstream(URI.create(simulator.baseUrl()))
                    .withAnthropicUpstream(URI.create(simulator.baseUrl())));
    Instant started = Instant.now();
    GatewayRuntime runtime = GatewayRuntime.start(config);
    Runnable shutdown =
        () -> {
          runtime.close();
          simulator.close().onComplete(done -> simVertx.close());
        };
    String url = runtime.gateway().url();
    System.out.println(
        "Replaying "
            + (limit > 0 ? Math.min(limit, records.size()) : records.size())
            + " recorded prompts through the gateway at "
            + url
            + " (upstream simulator at "
            + simulator.baseUrl()
            + ")");
    Map<Integer, String> requestIds = new ConcurrentHashMap<>();
    ReplaySummary summary =
        new Replayer(
                replaySettings(url),
                Map.of("x-lookout-experiment", DemoSetup.EXPERIMENT_ID),
                (index, requestId) -> {
                  if (requestId != null) {
                    requestIds.put(index, requestId);
                  }
                })
            .run(records);
    System.out.println(summary.line());
    System.out.println(new DemoFeedback(url, ReplaySettings.PLACEHOLDER_API_KEY).post(requestIds));
    Report report = runtime.report(started, GroupBy.MODEL);
    System.out.println();
    System.out.print(ReportText.table(report, GroupBy.MODEL));
    System.out.println();
    System.out.println(
        "Calls in this report: "
            + report.total().calls()
            + "; records in the store at "
            + config.dataDir().toAbsolutePath()
            + ": "
            + runtime.storedRecords());
    if (summary.failed() > 0) {
      System.out.println(
          "Failed calls include prompts the guards blocked (status filtered): see "
              + reportCommand(config.dataDir(), "status"));
    }
    if (exitAfterReport) {
      DriftMonitor drift = runtime.driftMonitor();
      if (drift != null) {
        // Stopping drops the samples still queued, so the exit report waits for the embedder.
        DemoDrift.await(drift, summary.succeeded());
        System.out.println(DemoDrift.line(drift));
      }
      beforeExit.accept(url);
      shutdown.run();
      // The demo succeeded when every prompt was sent; a blocked prompt is a result, not a fault.
      return summary.sent() == summary.succeeded() + summary.failed() ? 0 : 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  shutdown.run();
                  stopped.countDown();
                },
                "lookout-demo-shutdown"));
    System.out.println();
    System.out.println("Dashboard: " + url + "/ui/");
    System.out.println(
        "Experiment "
            + DemoSetup.EXPERIMENT_ID
            + " and drift detection run on the replayed calls; drift results appear once the"
            + " embedder has caught up (up to a minute).");
    System.out.println("The gateway keeps running. Try:");
    System.out.println(
        "  curl -s "
            + url
            + "/v1/chat/completions -H 'content-type: application/json' -d"
            + " '{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}'");
    System.out.println("  curl -s " + url + "/metrics");
    System.out.println("  " + reportCommand(config.dataDir(), "user"));
    System.out.println("Press Ctrl-C to stop.");
    stopped.await();
    return 0;
  }

  /**
   * Returns the {@code lookout report} command line that reads the demo's store in {@code data},
   * with {@code --data} unless it is the default folder.
   */
  static String reportCommand(Path data, String by) {
    String dataOption =
        data.normalize().equals(ConfigLoader.DEFAULT_DATA) ? "" : " --data " + shellWord(data);
    return "./lookout report" + dataOption + " --by " + by;
  }

  /** Returns {@code path} as one shell word, in single quotes unless it needs none. */
  private static String shellWord(Path path) {
    String text = path.toString();
    if (text.matches("[A-Za-z0-9_@%+=:,./-]+")) {
      return text;
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }

  private ReplaySettings replaySettings(String gatewayUrl) {
    // The demo never sends the user's real key, even to the local simulator.
    return new ReplaySettings(
        URI.create(gatewayUrl),
        0,
        concurrency,
        streamRatio,
        users,
        limit,
        null,
        ReplaySettings.PLACEHOLDER_API_KEY,
        Duration.ofSeconds(120));
  }
}
