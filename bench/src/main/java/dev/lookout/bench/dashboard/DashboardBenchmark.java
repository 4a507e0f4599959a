package dev.lookout.bench.dashboard;

import dev.lookout.core.pricing.PriceTable;
import dev.lookout.gateway.GatewayFeatures;
import dev.lookout.gateway.GatewayServer;
import dev.lookout.gateway.GatewaySettings;
import dev.lookout.gateway.access.AccessSettings;
import dev.lookout.gateway.dashboard.DashboardAuth;
import dev.lookout.gateway.dashboard.DashboardSettings;
import dev.lookout.gateway.guard.GuardSettings;
import dev.lookout.gateway.metrics.GatewayMetrics;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.duckdb.DuckDbDashboardQueries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the dashboard's API routes over HTTP on a store of generated call records.
 *
 * <p>Usage: {@code java -cp bench/target/lookout-bench.jar
 * dev.lookout.bench.dashboard.DashboardBenchmark [RECORDS] [RUNS] [DATA_DIR]}; defaults 1000000, 7
 * and a new folder under {@code bench/out/}. Records are written straight into the DuckDB file
 * through the store's appender, spread over the 7 days before the start. Each route is requested
 * once to warm up, then {@code RUNS} times; the table gives the median and the maximum.
 */
public final class DashboardBenchmark {
  private static final int BATCH = 50_000;

  private DashboardBenchmark() {}

  public static void main(String[] args) throws Exception {
    long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path data =
        args.length > 2
            ? Path.of(args[2])
            : Files.createTempDirectory(
                Files.createDirectories(Path.of("bench/out")), "dashboard-");
    Instant now = Instant.now();
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      long existing = store.count();
      if (existing == 0) {
        fill(store, records, now);
      } else {
        System.out.printf(Locale.ROOT, "Using the %d records already in %s%n", existing, data);
      }
      GatewayServer gateway =
          GatewayServer.start(
              GatewaySettings.defaults()
                  .withPort(0)
                  .withUpstream(URI.create("http://127.0.0.1:9"))
                  .withAnthropicUpstream(URI.create("http://127.0.0.1:9")),
              record -> true,
              PriceTable.builtIn(),
              new GatewayMetrics(GatewayMetrics.DEFAULT_LABEL_CAP),
              (since, by) -> "{}",
              AccessSettings.none(),
              GuardSettings.none(),
              GatewayFeatures.none()
                  .withDashboard(
                      new DashboardSettings(
                          store, new DuckDbDashboardQueries(store), DashboardAuth.none())));
      try {
        time(gateway.url(), runs, store.count());
      } finally {
        gateway.stop();
      }
    }
  }

  private static void fill(DuckDbCallStore store, long records, Instant now) {
    GeneratedCalls generator = new GeneratedCalls(now, Duration.ofDays(7));
    long started = System.nanoTime();
    for (long first = 0; first < records; first += BATCH) {
      int count = (int) Math.min(BATCH, records - first);
      store.append(generator.batch(first, count, records));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "Generated and appended %d records in %.1f s (%.0f records/s)%n",
        records,
        seconds,
        records / seconds);
  }

  private static void time(String url, int runs, long stored) throws Exception {
    List<String> routes =
        List.of(
            "/api/v1/timeseries?since=24h",
            "/api/v1/timeseries?since=7d",
            "/api/v1/breakdown?by=model&since=7d",
            "/api/v1/breakdown?by=prompt_template&since=7d",
            "/api/v1/breakdown?by=user_id&since=7d",
            "/api/v1/breakdown?by=api_key_id&since=7d",
            "/api/v1/calls?since=7d&limit=100",
            "/api/v1/calls?since=7d&limit=100&user=user-17&status=success",
            String.format(Locale.ROOT, "/api/v1/calls/01900000-0000-7000-8000-%012d", stored / 2),
            "/api/v1/guards?since=7d",
            "/api/v1/budgets");
    HttpClient client = HttpClient.newHttpClient();
    System.out.printf(Locale.ROOT, "%n%d records, %d timed runs per route%n%n", stored, runs);
    System.out.println("| route | p50 ms | max ms | response bytes |");
    System.out.println("| --- | ---: | ---: | ---: |");
    for (String route : routes) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + route)).build();
      HttpResponse<String> warmUp = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (warmUp.statusCode() != 200) {
        throw new IllegalStateException(
            route + " answered " + warmUp.statusCode() + ": " + warmUp.body());
      }
      double[] millis = new double[runs];
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        client.send(request, HttpResponse.BodyHandlers.ofString());
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(millis);
      System.out.printf(
          Locale.ROOT,
          "| `%s` | %.1f | %.1f | %d |%n",
          route,
          millis[runs / 2],
          millis[runs - 1],
          warmUp.body().length());
    }
  }
}
