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
 * @param maxTemplates most template and model pairs tracked; samples of further ones are dropped
 */
public record DriftMonitorSettings(
    DriftSettings test,
    double sampleRate,
    int queueCapacity,
    int batchSize,
    URI webhook,
    int maxTemplates) {
  /** Largest queue: each waiting sample holds up to 2,000 characters of text. */
  public static final int MAX_QUEUE_CAPACITY = 1_000_000;

  public static final double DEFAULT_SAMPLE_RATE = 1.0;
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;
  public static final int DEFAULT_BATCH_SIZE = 32;

  /**
   * Default number of template and model pairs tracked. Each pair keeps up to baseline plus window
   * embeddings in memory, about 1 MB at the default sizes.
   */
  public static final int DEFAULT_MAX_TEMPLATES = 500;

  /** Largest {@code drift.max_templates} accepted, about 10 GB of embeddings at default sizes. */
  public static final int TEMPLATES_LIMIT = 10_000;

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
    if (maxTemplates < 1 || maxTemplates > TEMPLATES_LIMIT) {
      throw new IllegalArgumentException(
          "drift.max_templates must be between 1 and "
              + TEMPLATES_LIMIT
              + ", got "
              + maxTemplates
              + "; "
              + DEFAULT_MAX_TEMPLATES
              + " is the default");
    }
  }

  /** Returns settings that track at most {@link #DEFAULT_MAX_TEMPLATES} pairs. */
  public DriftMonitorSettings(
      DriftSettings test, double sampleRate, int queueCapacity, int batchSize, URI webhook) {
    this(test, sampleRate, queueCapacity, batchSize, webhook, DEFAULT_MAX_TEMPLATES);
  }
}
