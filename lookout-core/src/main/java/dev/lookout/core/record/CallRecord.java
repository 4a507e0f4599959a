package dev.lookout.core.record;

import dev.lookout.core.usage.UsageSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One row per LLM call: who made it, what it cost, how long it took and how it ended.
 *
 * <p>Immutable, so the gateway's event loop can hand it to the recorder thread without sharing
 * mutable state. Boxed fields are null when the value is unknown or does not apply (token counts of
 * a call that never reached the provider, {@code ttftMs} of a call that did not stream). Build one
 * with {@link #builder()}.
 *
 * @param requestId UUIDv7, also returned to the client in {@code x-lookout-request-id}
 * @param timestamp start of the call, UTC
 * @param endpoint request path, for example {@code /v1/chat/completions}
 * @param provider provider adapter name, for example {@code openai}
 * @param model model as requested
 * @param responseModel model named in the provider's response
 * @param costUsd exact cost in US dollars, null when the model has no price
 * @param priced whether a price was found for the model
 * @param latencyMs from receiving the request to sending its last byte, in milliseconds
 * @param ttftMs from receiving the request to the first content chunk of a stream, in milliseconds
 * @param httpStatus status sent to the client
 * @param errorMessage at most {@link #MAX_ERROR_MESSAGE_CHARS} characters
 * @param apiKeyId an identifier of Lookout's own key, never the provider key itself
 * @param guardActions what each guard did, as a JSON array, or null when no guard ran
 * @param metadata small caller-supplied map of string values
 */
public record CallRecord(
    String requestId,
    Instant timestamp,
    String endpoint,
    String provider,
    String model,
    String responseModel,
    String promptTemplate,
    String templateVersion,
    String promptHash,
    Long inputTokens,
    Long outputTokens,
    Long cachedInputTokens,
    Long cacheWriteTokens,
    Long reasoningTokens,
    UsageSource usageSource,
    BigDecimal costUsd,
    boolean priced,
    double latencyMs,
    Double ttftMs,
    boolean stream,
    CallStatus status,
    int httpStatus,
    String errorType,
    String errorMessage,
    String userId,
    String apiKeyId,
    String experimentId,
    String variant,
    String guardActions,
    Map<String, String> metadata) {

  /**
   * Maximum length of a stored error message; longer ones are cut so one bad upstream cannot bloat
   * the store.
   */
  public static final int MAX_ERROR_MESSAGE_CHARS = 500;

  public CallRecord {
    if (requestId == null || requestId.isEmpty()) {
      throw new IllegalArgumentException("CallRecord.requestId must not be empty");
    }
    if (timestamp == null) {
      throw new IllegalArgumentException("CallRecord.timestamp must not be null");
    }
    if (status == null) {
      throw new IllegalArgumentException("CallRecord.status must not be null");
    }
    if (errorMessage != null && errorMessage.length() > MAX_ERROR_MESSAGE_CHARS) {
      errorMessage = errorMessage.substring(0, MAX_ERROR_MESSAGE_CHARS);
    }
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** Returns a builder with every field unset. */
  public static CallRecordBuilder builder() {
    return new CallRecordBuilder();
  }
}
