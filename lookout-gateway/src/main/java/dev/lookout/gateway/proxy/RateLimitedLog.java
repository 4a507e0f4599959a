package dev.lookout.gateway.proxy;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a repeated warning at most once per interval, with the number of repeats it held back, so a
 * failing upstream under load cannot flood the log.
 */
public final class RateLimitedLog {
  private final Logger log;
  private final long intervalNanos;
  private final AtomicLong nextNanos = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong suppressed = new AtomicLong();

  public RateLimitedLog(Logger log, long intervalMillis) {
    this.log = log;
    this.intervalNanos = intervalMillis * 1_000_000L;
  }

  /** Logs at WARN unless a warning was logged within the interval; then only counts it. */
  public void warn(String format, Object... args) {
    long now = System.nanoTime();
    long next = nextNanos.get();
    if (next != Long.MIN_VALUE && now - next < 0) {
      suppressed.incrementAndGet();
      return;
    }
    if (!nextNanos.compareAndSet(next, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return;
    }
    long held = suppressed.getAndSet(0);
    if (held > 0) {
      log.warn("{} similar warnings were suppressed in the last interval", held);
    }
    log.warn(format, args);
  }
}
