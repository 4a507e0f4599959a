package dev.lookout.core.usage;

/**
 * Token counts of one call, normalised across providers.
 *
 * <p>{@code inputTokens} is every prompt token, cached reads and cache writes included: for OpenAI
 * it is {@code prompt_tokens}; for Anthropic it is {@code input_tokens +
 * cache_creation_input_tokens + cache_read_input_tokens}. {@code outputTokens} includes the
 * reasoning and thinking tokens, which providers bill as output. The parts are never larger than
 * their whole: cached reads plus cache writes fit in the input, the 1-hour writes fit in the cache
 * writes and the reasoning fits in the output.
 *
 * @param inputTokens all prompt tokens
 * @param outputTokens all completion tokens, reasoning included
 * @param cachedInputTokens prompt tokens read from the provider's prompt cache (part of input)
 * @param cacheWriteTokens prompt tokens written to the provider's prompt cache, whatever their
 *     lifetime (part of input)
 * @param reasoningTokens hidden reasoning or thinking tokens (part of output)
 * @param cacheWriteOneHourTokens the cache writes with Anthropic's 1-hour lifetime (part of {@code
 *     cacheWriteTokens}); the rest of the writes have the 5-minute lifetime
 * @param source whether the provider reported these counts or Lookout estimated them
 */
public record TokenUsage(
    long inputTokens,
    long outputTokens,
    long cachedInputTokens,
    long cacheWriteTokens,
    long reasoningTokens,
    long cacheWriteOneHourTokens,
    UsageSource source) {

  public TokenUsage {
    requireNonNegative("inputTokens", inputTokens);
    requireNonNegative("outputTokens", outputTokens);
    requireNonNegative("cachedInputTokens", cachedInputTokens);
    requireNonNegative("cacheWriteTokens", cacheWriteTokens);
    requireNonNegative("reasoningTokens", reasoningTokens);
    requireNonNegative("cacheWriteOneHourTokens", cacheWriteOneHourTokens);
    if (cacheWriteOneHourTokens > cacheWriteTokens) {
      throw new IllegalArgumentException(
          "TokenUsage.cacheWriteOneHourTokens ("
              + cacheWriteOneHourTokens
              + ") must not exceed cacheWriteTokens ("
              + cacheWriteTokens
              + ")");
    }
    if (source == null) {
      throw new IllegalArgumentException("TokenUsage.source must not be null");
    }
  }

  /** Creates usage whose cache writes, if any, all have the 5-minute lifetime. */
  public TokenUsage(
      long inputTokens,
      long outputTokens,
      long cachedInputTokens,
      long cacheWriteTokens,
      long reasoningTokens,
      UsageSource source) {
    this(
        inputTokens, outputTokens, cachedInputTokens, cacheWriteTokens, reasoningTokens, 0, source);
  }

  /** Returns usage with only input and output counts, as a provider without details reports. */
  public static TokenUsage of(long inputTokens, long outputTokens, UsageSource source) {
    return new TokenUsage(inputTokens, outputTokens, 0, 0, 0, source);
  }

  /** Returns a copy in which {@code tokens} of the cache writes have the 1-hour lifetime. */
  public TokenUsage withCacheWriteOneHourTokens(long tokens) {
    return new TokenUsage(
        inputTokens,
        outputTokens,
        cachedInputTokens,
        cacheWriteTokens,
        reasoningTokens,
        tokens,
        source);
  }

  /** Returns the prompt tokens billed at the plain input rate: neither cache reads nor writes. */
  public long uncachedInputTokens() {
    return Math.max(0, inputTokens - cachedInputTokens - cacheWriteTokens);
  }

  /** Returns the cache writes with the 5-minute lifetime, the default of Anthropic and others. */
  public long cacheWriteFiveMinuteTokens() {
    return cacheWriteTokens - cacheWriteOneHourTokens;
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "TokenUsage." + name + " must be zero or more, got " + value);
    }
  }
}
