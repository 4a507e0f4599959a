package dev.lookout.gateway.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.core.drift.DriftKey;
import dev.lookout.core.drift.DriftSettings;
import dev.lookout.core.drift.DriftState;
import dev.lookout.core.drift.Embedder;
import dev.lookout.store.drift.DriftStore;
import dev.lookout.store.duckdb.DuckDbCallStore;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftMonitorTest {
  private static final DriftMonitorSettings SETTINGS =
      new DriftMonitorSettings(new DriftSettings(40, 20, 0.01, 20, 399), 1.0, 1000, 16, null);

  @TempDir Path data;

  @Test
  void shiftedWindowTurnsDrifted() throws Exception {
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor = monitor(store, new ClusterEmbedder(), SETTINGS)) {
      feed(monitor, "1", 40);
      feed(monitor, "2", 20);
      await(() -> monitor.embedded() == 60);
      DriftStatus status = monitor.statuses().get(0);
      assertThat(status.state()).isEqualTo(DriftState.DRIFTED);
      assertThat(status.lastCheck().result().pValue()).isLessThanOrEqualTo(0.01);
    }
  }

  @Test
  void sameClusterStaysStable() throws Exception {
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor = monitor(store, new ClusterEmbedder(), SETTINGS)) {
      feed(monitor, "1", 60);
      await(() -> monitor.embedded() == 60);
      assertThat(monitor.statuses().get(0).state()).isEqualTo(DriftState.STABLE);
    }
  }

  @Test
  void coldStartBeforeBaselineComplete() throws Exception {
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor = monitor(store, new ClusterEmbedder(), SETTINGS)) {
      feed(monitor, "1", 10);
      await(() -> monitor.embedded() == 10);
      assertThat(monitor.statuses().get(0).state()).isEqualTo(DriftState.COLD_START);
      assertThat(monitor.statuses().get(0).baselineN()).isEqualTo(10);
    }
  }

  @Test
  void baselineAndStateSurviveRestart() throws Exception {
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor = monitor(store, new ClusterEmbedder(), SETTINGS)) {
      feed(monitor, "1", 40);
      feed(monitor, "2", 20);
      await(() -> monitor.embedded() == 60);
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor = monitor(store, new ClusterEmbedder(), SETTINGS)) {
      DriftStatus status = monitor.statuses().get(0);
      assertThat(status.baselineN()).isEqualTo(40);
      assertThat(status.state()).isEqualTo(DriftState.DRIFTED);
      assertThat(status.key()).isEqualTo(new DriftKey("summary", "gpt-4o"));
    }
  }

  @Test
  void replacedBaselineRestartsWithoutCheck() throws Exception {
    DriftKey key = new DriftKey("summary", "gpt-4o");
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor = monitor(store, new ClusterEmbedder(), SETTINGS)) {
      feed(monitor, "1", 40);
      feed(monitor, "2", 20);
      await(() -> monitor.embedded() == 60);
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore drift = DriftStore.open(store);
      drift.replaceBaseline(key, drift.baselines().get(key));
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor = monitor(store, new ClusterEmbedder(), SETTINGS)) {
      DriftStatus status = monitor.statuses().get(0);
      assertThat(status.state()).isEqualTo(DriftState.COLD_START);
      assertThat(status.lastCheck()).isNull();
      assertThat(status.windowN()).isZero();
    }
  }

  @Test
  void windowSurvivesRestart() throws Exception {
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor = monitor(store, new ClusterEmbedder(), SETTINGS)) {
      feed(monitor, "1", 40);
      feed(monitor, "2", 25);
      await(() -> monitor.embedded() == 65);
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor = monitor(store, new ClusterEmbedder(), SETTINGS)) {
      assertThat(monitor.statuses().get(0).windowN()).isEqualTo(20);
    }
  }

  @Test
  void restoredWindowIsTestedAgain() throws Exception {
    DriftMonitorSettings often =
        new DriftMonitorSettings(new DriftSettings(40, 20, 0.01, 5, 399), 1.0, 1000, 16, null);
    int before;
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor = monitor(store, new ClusterEmbedder(), often)) {
      feed(monitor, "1", 60);
      await(() -> monitor.embedded() == 60);
      before = monitor.store().history(null, Instant.EPOCH).size();
    }
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor = monitor(store, new ClusterEmbedder(), often)) {
      // Without the restored window, 5 samples would leave it 15 short of a test.
      feed(monitor, "1", 5);
      await(() -> monitor.embedded() == 5);
      assertThat(monitor.store().history(null, Instant.EPOCH)).hasSize(before + 1);
    }
  }

  @Test
  void fullQueueDropsAndCounts() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Embedder blocked =
        new ClusterEmbedder() {
          @Override
          public List<float[]> embed(List<String> texts) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.embed(texts);
          }
        };
    DriftMonitorSettings tiny =
        new DriftMonitorSettings(new DriftSettings(40, 20, 0.01, 20, 399), 1.0, 2, 1, null);
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor = monitor(store, blocked, tiny)) {
      monitor.offer("summary", "gpt-4o", "1:first");
      await(() -> monitor.queued() == 0);
      feed(monitor, "1", 5);
      assertThat(monitor.dropped()).isEqualTo(3);
      release.countDown();
    }
  }

  @Test
  void templatesOverCapAreDropped() throws Exception {
    DriftMonitorSettings two =
        new DriftMonitorSettings(new DriftSettings(40, 20, 0.01, 20, 399), 1.0, 1000, 16, null, 2);
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor = monitor(store, new ClusterEmbedder(), two)) {
      for (String template : new String[] {"a", "b", "c"}) {
        monitor.offer(template, "gpt-4o", "1:answer");
      }
      await(() -> monitor.embedded() == 3);
      assertThat(monitor.statuses()).hasSize(2);
      assertThat(monitor.dropped()).isEqualTo(1);
    }
  }

  @Test
  void capOfZeroIsRejected() {
    assertThatThrownBy(
            () ->
                new DriftMonitorSettings(
                    new DriftSettings(40, 20, 0.01, 20, 399), 1.0, 1000, 16, null, 0))
        .hasMessage("drift.max_templates must be between 1 and 10000, got 0; 500 is the default");
  }

  @Test
  void metricsShowStateAndDistance() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor =
            new DriftMonitor(
                SETTINGS,
                new ClusterEmbedder(),
                DriftStore.open(store),
                UnaryOperator.identity(),
                registry,
                100,
                Clock.systemUTC())) {
      feed(monitor, "1", 40);
      feed(monitor, "2", 20);
      await(() -> monitor.embedded() == 60);
      String text = scrape(registry);
      assertThat(text).contains("llm_output_drift_state{prompt_template=\"summary\"} 2.0");
      assertThat(text).contains("llm_output_drift_distance{prompt_template=\"summary\"}");
      assertThat(text).contains("lookout_drift_samples_dropped_total 0.0");
    }
  }

  @Test
  void redactorRunsBeforeStorage() throws Exception {
    try (DuckDbCallStore store = DuckDbCallStore.open(data);
        DriftMonitor monitor =
            new DriftMonitor(
                SETTINGS,
                new ClusterEmbedder(),
                DriftStore.open(store),
                text -> text.replace("secret", "[REDACTED]"),
                new PrometheusRegistry(),
                100,
                Clock.systemUTC())) {
      monitor.offer("summary", "gpt-4o", "1:my secret");
      await(() -> monitor.embedded() == 1);
      String stored =
          monitor.store().baselines().get(new DriftKey("summary", "gpt-4o")).get(0).text();
      assertThat(stored).isEqualTo("1:my [REDACTED]");
    }
  }

  static DriftMonitor monitor(
      DuckDbCallStore store, Embedder embedder, DriftMonitorSettings settings) {
    return new DriftMonitor(
        settings,
        embedder,
        DriftStore.open(store),
        UnaryOperator.identity(),
        new PrometheusRegistry(),
        100,
        Clock.systemUTC());
  }

  private static void feed(DriftMonitor monitor, String cluster, int count) {
    for (int i = 0; i < count; i++) {
      monitor.offer("summary", "gpt-4o", cluster + ":answer " + i);
    }
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() - deadline < 0) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 20 s").isTrue();
  }

  private static String scrape(PrometheusRegistry registry) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }
}
