package dev.lookout.core.experiment.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reference values computed with scipy by {@code tools/experiments/reference_stats.py}; the command
 * that regenerates them is in that script's header.
 */
public final class ReferenceValues {
  /** Relative tolerance of every comparison with a reference value. */
  public static final double RELATIVE = 1e-6;

  private static final JsonNode ROOT = load();

  private ReferenceValues() {}

  public static JsonNode get(String section) {
    return ROOT.path(section);
  }

  public static SampleSummary summary(JsonNode node) {
    return new SampleSummary(
        node.path("n").asLong(),
        node.path("sum").asDouble(),
        node.path("sum_of_squares").asDouble());
  }

  private static JsonNode load() {
    try (InputStream in = ReferenceValues.class.getResourceAsStream("/experiment/reference.json")) {
      if (in == null) {
        throw new IllegalStateException("experiment/reference.json is missing from test resources");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
