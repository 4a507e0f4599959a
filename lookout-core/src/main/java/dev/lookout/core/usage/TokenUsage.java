package dev.lookout.core.usage;

/**
 * Token counts of one call, normalised across providers.
 *
 * <p>{@code inputTokens} is every prompt token, cached reads and cache writes included: for OpenAI
 * it is {@code prompt_tokens}; for Anthropic it is {@code input_tokens +
 * cache_creation_input_tokens + cache_read_input_tokens}. {@code outputTokens} includes the
 * reasoning tokens, which providers bill as output. The parts are never larger than their whole.
 *
 * @param inputTokens all prompt tokens
 * @param outputTokens all completion tokens, reasoning included
 * @param cachedInputTokens prompt tokens read from the provider's prompt cache (part of input)
 * @param cacheWriteTokens prompt tokens written to the provider's prompt cache (part of input)
 * @param reasoningTokens hidden reasoning tokens (part of output)
 * @param source whether the provider reported these counts or Lookout estimated them
 */
public record TokenUsage(
    long inputTokens,
    long outputTokens,
    long cachedInputTokens,
    long cacheWriteTokens,
    long reasoningTokens,
    UsageSource source) {

  public TokenUsage {
    requireNonNegative("inputTokens", inputTokens);
    requireNonNegative("outputTokens", outputTokens);
    requireNonNegative("cachedInputTokens", cachedInputTokens);
    requireNonNegative("cacheWriteTokens", cacheWriteTokens);
    requireNonNegative("reasoningTokens", reasoningTokens);
    if (source == null) {
      throw new IllegalArgumentException("TokenUsage.source must not be null");
    }
  }

  /** Returns usage with only input and output counts, as a provider without details reports. */
  public static TokenUsage of(long inputTokens, long outputTokens, UsageSource source) {
    return new TokenUsage(inputTokens, outputTokens, 0, 0, 0, source);
  }

  /** Returns the prompt tokens billed at the plain input rate: neither cache reads nor writes. */
  public long uncachedInputTokens() {
    return Math.max(0, inputTokens - cachedInputTokens - cacheWriteTokens);
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "TokenUsage." + name + " must be zero or more, got " + value);
    }
  }
}
