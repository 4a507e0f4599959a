package dev.lookout.core.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reads the provider's usage from a non-streamed response body. */
public final class UsageReader {
  private UsageReader() {}

  /** Returns the usage in {@code body}, or empty when the body carries none. */
  public static Optional<TokenUsage> fromResponse(JsonNode body) {
    throw new UnsupportedOperationException("not built yet");
  }
}
