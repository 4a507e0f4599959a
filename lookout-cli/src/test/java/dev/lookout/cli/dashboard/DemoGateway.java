package dev.lookout.cli.dashboard;

import dev.lookout.cli.config.ConfigLoader;
import dev.lookout.cli.config.ServeConfig;
import dev.lookout.cli.config.ServeOptions;
import dev.lookout.cli.replay.ReplaySettings;
import dev.lookout.cli.replay.ReplaySummary;
import dev.lookout.cli.replay.Replayer;
import dev.lookout.cli.serve.GatewayRuntime;
import dev.lookout.cli.sim.DemoTraffic;
import dev.lookout.gateway.sim.SimulatorSettings;
import dev.lookout.gateway.sim.UpstreamSimulator;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway on 127.0.0.1 in front of the upstream simulator, filled by replaying the bundled demo
 * traffic, as {@code lookout demo} does.
 */
final class DemoGateway implements AutoCloseable {
  static final String PROVIDER_KEY = ReplaySettings.PLACEHOLDER_API_KEY;

  private final Vertx simVertx;
  private final UpstreamSimulator simulator;
  final GatewayRuntime runtime;
  final ReplaySummary replayed;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> headers;

  private DemoGateway(
      Vertx simVertx,
      UpstreamSimulator simulator,
      GatewayRuntime runtime,
      ReplaySummary replayed,
      Map<String, String> headers) {
    this.simVertx = simVertx;
    this.simulator = simulator;
    this.runtime = runtime;
    this.replayed = replayed;
    this.headers = headers;
  }

  /**
   * Starts the simulator and a gateway configured by {@code yaml} on a store that contains {@code
   * history} generated records of the past day, replays {@code calls} prompts and waits until their
   * records are stored. {@code headers} go with every API request of {@link #get}.
   */
  static DemoGateway start(
      Path dir, String yaml, int history, int calls, Map<String, String> headers) throws Exception {
    var records = DemoTraffic.load();
    Vertx simVertx = Vertx.vertx();
    UpstreamSimulator simulator =
        UpstreamSimulator.start(
                simVertx, SimulatorSettings.defaults().withPort(0).withTiming(5, 20_000), records)
            .await(30, TimeUnit.SECONDS);
    Path config = Files.createDirectories(dir).resolve("lookout.yaml");
    Files.writeString(config, yaml);
    ServeOptions options = new ServeOptions();
    options.config = config;
    options.port = 0;
    options.data = dir.resolve("data");
    if (history > 0) {
      HistoryCalls.write(options.data, history, java.time.Instant.now());
    }
    options.upstream = simulator.baseUrl();
    options.anthropicUpstream = simulator.baseUrl();
    ServeConfig serveConfig =
        new ConfigLoader(Map.of("LOOKOUT_UI_SECRET", "a-long-enough-secret")).load(options);
    GatewayRuntime runtime = GatewayRuntime.start(serveConfig);
    ReplaySummary summary =
        new Replayer(
                new ReplaySettings(
                    URI.create(runtime.gateway().url()),
                    0,
                    8,
                    0.5,
                    5,
                    calls,
                    null,
                    PROVIDER_KEY,
                    Duration.ofSeconds(60)))
            .run(records);
    runtime.storedRecords();
    return new DemoGateway(simVertx, simulator, runtime, summary, headers);
  }

  String url() {
    return runtime.gateway().url();
  }

  /** Sends a GET to the gateway and returns the response. */
  HttpResponse<String> get(String pathAndQuery) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + pathAndQuery));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    runtime.close();
    simulator.close().await(10, TimeUnit.SECONDS);
    simVertx.close().await(10, TimeUnit.SECONDS);
  }
}
