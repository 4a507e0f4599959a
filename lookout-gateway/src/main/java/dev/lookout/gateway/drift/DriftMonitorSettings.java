package dev.lookout.gateway.drift;

import dev.lookout.core.drift.DriftSettings;
import java.net.URI;

/**
 * Settings of the gateway's drift monitor.
 *
 * @param test baseline size, window size, alpha, test interval and permutations
 * @param sampleRate share of successful responses sampled, in (0, 1]
 * @param queueCapacity sampled responses waiting to be embedded before new ones are dropped
 * @param batchSize most responses embedded in one call
 * @param webhook URL that receives a JSON POST when a template turns drifted, or null
 */
public record DriftMonitorSettings(
    DriftSettings test, double sampleRate, int queueCapacity, int batchSize, URI webhook) {
  /** Largest queue: each waiting sample holds up to 2,000 characters of text. */
  public static final int MAX_QUEUE_CAPACITY = 1_000_000;

  public static final double DEFAULT_SAMPLE_RATE = 1.0;
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;
  public static final int DEFAULT_BATCH_SIZE = 32;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the setting when one is out of range
   */
  public DriftMonitorSettings {
    if (!(sampleRate > 0 && sampleRate <= 1)) {
      throw new IllegalArgumentException(
          "drift.sample_rate must be above 0 and at most 1, got " + sampleRate);
    }
    if (queueCapacity > MAX_QUEUE_CAPACITY) {
      throw new IllegalArgumentException(
          "drift.queue_capacity must be at most "
              + MAX_QUEUE_CAPACITY
              + ", got "
              + queueCapacity
              + "; 1000 is the default");
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException(
          "drift.queue_capacity must be at least 1, got " + queueCapacity);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("drift batch size must be at least 1, got " + batchSize);
    }
  }
}
