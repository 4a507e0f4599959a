package dev.lookout.cli.serve;

import dev.lookout.cli.config.ServeConfig;
import dev.lookout.embeddings.MiniLmEmbedder;
import dev.lookout.gateway.drift.DriftMonitor;
import dev.lookout.gateway.metrics.GatewayMetrics;
import dev.lookout.store.drift.DriftStore;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.time.Clock;

/** The drift monitor and its embedding model, when drift detection is on. */
final class DriftRuntime implements AutoCloseable {
  /**
   * Threads that embed a batch. One keeps the monitor from competing with the event loops for every
   * core; ONNX Runtime may still use several cores inside one embedding.
   */
  private static final int EMBEDDING_THREADS = 1;

  private final MiniLmEmbedder embedder;
  private final DriftMonitor monitor;

  private DriftRuntime(MiniLmEmbedder embedder, DriftMonitor monitor) {
    this.embedder = embedder;
    this.monitor = monitor;
  }

  static DriftRuntime start(ServeConfig config, DuckDbCallStore store, GatewayMetrics metrics) {
    if (config.drift() == null) {
      return new DriftRuntime(null, null);
    }
    MiniLmEmbedder embedder = MiniLmEmbedder.quantized(EMBEDDING_THREADS);
    DriftMonitor monitor =
        new DriftMonitor(
            config.drift(),
            embedder,
            DriftStore.open(store),
            config.guards().storageRedactor(),
            metrics.registry(),
            config.labelCap(),
            Clock.systemUTC());
    return new DriftRuntime(embedder, monitor);
  }

  /** Returns the monitor, or null when drift detection is off. */
  DriftMonitor monitor() {
    return monitor;
  }

  @Override
  public void close() {
    if (monitor != null) {
      monitor.close();
      embedder.close();
    }
  }
}
