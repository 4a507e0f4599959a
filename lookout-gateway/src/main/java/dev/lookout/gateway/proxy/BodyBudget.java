package dev.lookout.gateway.proxy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Request body bytes that the calls in flight keep in memory, against {@code
 * max_buffered_body_bytes}. One budget serves every event loop, so it is thread-safe. A call
 * reserves its body's size before or while the body is read and releases it when its record is
 * published, since the body and its parsed form are held until then.
 */
public final class BodyBudget {
  private final long limit;
  private final AtomicLong reserved = new AtomicLong();

  /**
   * @param limit bytes that may be reserved at once; must be positive
   */
  public BodyBudget(long limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException(
          "max_buffered_body_bytes must be positive, got " + limit + "; for example 67108864");
    }
    this.limit = limit;
  }

  /**
   * Reserves {@code bytes} and returns true, or returns false and reserves nothing if they do not
   * fit.
   */
  boolean tryReserve(long bytes) {
    while (true) {
      long current = reserved.get();
      if (bytes > limit - current) {
        return false;
      }
      if (reserved.compareAndSet(current, current + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    reserved.addAndGet(-bytes);
  }

  /** Returns the bytes reserved now. */
  public long reserved() {
    return reserved.get();
  }

  public long limit() {
    return limit;
  }
}
