package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.pricing.PriceTable;
import dev.lookout.core.record.CallRecord;
import dev.lookout.gateway.guard.GuardSettings;
import dev.lookout.gateway.metrics.GatewayMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake upstream and a gateway in front of it, recording into a list. */
public final class GatewayHarness implements AutoCloseable {
  public final FakeUpstream upstream;
  public final GatewayServer gateway;
  public final GatewayMetrics metrics = new GatewayMetrics(GatewayMetrics.DEFAULT_LABEL_CAP);
  public final List<CallRecord> records = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  public GatewayHarness() throws Exception {
    this(settings -> settings);
  }

  public GatewayHarness(java.util.function.UnaryOperator<GatewaySettings> tune) throws Exception {
    this(tune, dev.lookout.gateway.access.AccessSettings.none());
  }

  public GatewayHarness(
      java.util.function.UnaryOperator<GatewaySettings> tune,
      dev.lookout.gateway.access.AccessSettings access)
      throws Exception {
    upstream = new FakeUpstream();
    metrics.registerRecorder(records::size, () -> 0, () -> 0);
    GatewaySettings settings = tune.apply(loopback(upstream));
    gateway =
        GatewayServer.start(
            settings, records::add, PriceTable.builtIn(), metrics, (since, by) -> "{}", access);
  }

  /**
   * Starts a gateway with {@code guards} and the optional {@code features} (payload capture,
   * experiments) in front of a fake upstream that serves the OpenAI and Anthropic routes.
   */
  public GatewayHarness(GuardSettings guards, GatewayFeatures features) throws Exception {
    upstream = new FakeUpstream();
    gateway =
        GatewayServer.start(
            loopback(upstream),
            records::add,
            PriceTable.builtIn(),
            metrics,
            (since, by) -> "{}",
            dev.lookout.gateway.access.AccessSettings.none(),
            guards,
            features);
  }

  /** Returns settings for a gateway on a free loopback port that forwards to {@code upstream}. */
  private static GatewaySettings loopback(FakeUpstream upstream) {
    return GatewaySettings.defaults()
        .withPort(0)
        .withUpstream(URI.create(upstream.url()))
        .withAnthropicUpstream(URI.create(upstream.url()));
  }

  public String url() {
    return gateway.url();
  }

  /** Posts {@code json} to {@code path} and returns the response with its body as text. */
  public HttpResponse<String> post(String path, String json, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until {@code count} records arrived and returns the last one. */
  public CallRecord awaitRecord(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (records.size() < count && System.nanoTime() - deadline < 0) {
      Thread.sleep(5);
    }
    assertThat(records).hasSizeGreaterThanOrEqualTo(count);
    return records.get(count - 1);
  }

  @Override
  public void close() throws Exception {
    gateway.stop();
    upstream.close();
  }
}
