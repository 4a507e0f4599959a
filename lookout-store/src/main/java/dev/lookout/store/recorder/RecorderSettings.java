package dev.lookout.store.recorder;

import java.time.Duration;

/**
 * Sizes and timings of a {@link Recorder}.
 *
 * @param queueCapacity max records waiting to be written, beyond which offers are dropped
 * @param maxBatchSize max records written to the store in one append
 * @param flushInterval max time the first record of a batch waits for more records before the batch
 *     is written
 * @param retryInitialBackoff wait before the first retry of a failed append, doubled for each later
 *     retry
 * @param retryMaxBackoff max wait between two retries of a failed append
 */
public record RecorderSettings(
    int queueCapacity,
    int maxBatchSize,
    Duration flushInterval,
    Duration retryInitialBackoff,
    Duration retryMaxBackoff) {

  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
  public static final int DEFAULT_MAX_BATCH_SIZE = 5_000;
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(100);
  public static final Duration DEFAULT_RETRY_INITIAL_BACKOFF = Duration.ofMillis(100);
  public static final Duration DEFAULT_RETRY_MAX_BACKOFF = Duration.ofSeconds(5);

  /**
   * Validates every setting.
   *
   * @throws IllegalArgumentException naming the first invalid setting and its value
   */
  public RecorderSettings {
    if (queueCapacity < 1) {
      throw new IllegalArgumentException(
          "recorder.queue_capacity must be at least 1, got " + queueCapacity);
    }
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException(
          "recorder.batch_size must be at least 1, got " + maxBatchSize);
    }
    requirePositive("flush interval", flushInterval);
    requirePositive("retry initial backoff", retryInitialBackoff);
    requirePositive("retry max backoff", retryMaxBackoff);
    if (retryMaxBackoff.compareTo(retryInitialBackoff) < 0) {
      throw new IllegalArgumentException(
          "Invalid recorder retry max backoff "
              + retryMaxBackoff
              + ": it must be at least the retry initial backoff "
              + retryInitialBackoff);
    }
  }

  /** Returns the defaults: 10,000 queued records, batches of 1,000, 100 ms, 100 ms to 5 s. */
  public static RecorderSettings defaults() {
    return new RecorderSettings(
        DEFAULT_QUEUE_CAPACITY,
        DEFAULT_MAX_BATCH_SIZE,
        DEFAULT_FLUSH_INTERVAL,
        DEFAULT_RETRY_INITIAL_BACKOFF,
        DEFAULT_RETRY_MAX_BACKOFF);
  }

  /** Returns a copy with another queue capacity. */
  public RecorderSettings withQueueCapacity(int value) {
    return new RecorderSettings(
        value, maxBatchSize, flushInterval, retryInitialBackoff, retryMaxBackoff);
  }

  /** Returns a copy with another max batch size. */
  public RecorderSettings withMaxBatchSize(int value) {
    return new RecorderSettings(
        queueCapacity, value, flushInterval, retryInitialBackoff, retryMaxBackoff);
  }

  /** Returns a copy with another flush interval. */
  public RecorderSettings withFlushInterval(Duration value) {
    return new RecorderSettings(
        queueCapacity, maxBatchSize, value, retryInitialBackoff, retryMaxBackoff);
  }

  /** Returns a copy with other retry backoffs. */
  public RecorderSettings withRetryBackoff(Duration initial, Duration max) {
    return new RecorderSettings(queueCapacity, maxBatchSize, flushInterval, initial, max);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "Invalid recorder " + name + " " + value + ": it must be a positive duration");
    }
  }
}
