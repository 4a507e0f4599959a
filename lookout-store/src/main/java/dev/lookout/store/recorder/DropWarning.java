package dev.lookout.store.recorder;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts dropped records and logs a WARN about them at most once per second, because drops happen
 * in bursts on the event loop and one line per record would flood the log.
 */
final class DropWarning {
  private static final Logger log = LoggerFactory.getLogger(Recorder.class);
  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int queueCapacity;
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong sinceWarning = new AtomicLong();
  private final AtomicLong nextWarningNanos = new AtomicLong(System.nanoTime());

  DropWarning(int queueCapacity) {
    this.queueCapacity = queueCapacity;
  }

  /** Counts {@code count} dropped records and logs if no warning was logged in the last second. */
  void dropped(long count, boolean closed) {
    total.addAndGet(count);
    sinceWarning.addAndGet(count);
    long now = System.nanoTime();
    long next = nextWarningNanos.get();
    if (now - next < 0 || !nextWarningNanos.compareAndSet(next, now + INTERVAL_NANOS)) {
      return;
    }
    long dropped = sinceWarning.getAndSet(0);
    if (closed) {
      log.warn(
          "recorder: dropped {} call records offered after close ({} in total); close the"
              + " recorder only after the gateway stops taking calls",
          dropped,
          total.get());
    } else {
      log.warn(
          "recorder: dropped {} call records because the queue of {} was full ({} in total);"
              + " raise the recorder queue capacity, or find why the store writes slowly",
          dropped,
          queueCapacity,
          total.get());
    }
  }

  long total() {
    return total.get();
  }
}
