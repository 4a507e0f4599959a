package dev.lookout.cli.demo;

import dev.lookout.core.drift.DriftState;
import dev.lookout.gateway.drift.DriftMonitor;
import dev.lookout.gateway.drift.DriftStatus;
import java.time.Duration;
import java.util.List;

/** Waits for the demo's drift embedder to catch up and summarises the drift states. */
final class DemoDrift {
  private static final Duration LIMIT = Duration.ofMinutes(3);
  private static final Duration QUIET = Duration.ofSeconds(3);

  private DemoDrift() {}

  /**
   * Waits until the monitor has embedded or dropped {@code expected} samples, or its queue has been
   * empty with no new embedding for 3 seconds, or 3 minutes have passed; the embedder makes about
   * 50 to 100 texts per second on 2 cores.
   */
  static void await(DriftMonitor monitor, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    long seen = -1;
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long done = monitor.embedded() + monitor.dropped();
      if (done >= expected) {
        return;
      }
      if (done != seen || monitor.queued() > 0) {
        seen = done;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > QUIET.toNanos()) {
        return;
      }
      Thread.sleep(250);
    }
  }

  /**
   * Returns a line such as {@code drift: 20 template/model pairs, 8 tested (8 stable, 0 drifted),
   * 1990 responses embedded, 0 dropped}.
   */
  static String line(DriftMonitor monitor) {
    List<DriftStatus> statuses = monitor.statuses();
    long stable = statuses.stream().filter(s -> s.state() == DriftState.STABLE).count();
    long drifted = statuses.stream().filter(s -> s.state() == DriftState.DRIFTED).count();
    return "drift: "
        + statuses.size()
        + " template/model pairs, "
        + (stable + drifted)
        + " tested ("
        + stable
        + " stable, "
        + drifted
        + " drifted), "
        + monitor.embedded()
        + " responses embedded, "
        + monitor.dropped()
        + " dropped";
  }
}
