package dev.lookout.core.pricing;

import java.math.BigDecimal;

/**
 * Prices, in USD per million tokens, that apply to every token of a call whose input (cache reads
 * and writes included) is larger than {@code aboveInputTokens}, as Anthropic bills Claude Sonnet 4
 * and 4.5 past 200,000 input tokens.
 *
 * @param aboveInputTokens the input size past which these prices apply
 * @param input price of an uncached prompt token
 * @param output price of a completion token
 * @param cachedInput price of a cache read, or null to bill it at {@code input}
 * @param cacheWrite price of a cache write, or null to bill it at {@code input}
 */
public record LongContextPrice(
    long aboveInputTokens,
    BigDecimal input,
    BigDecimal output,
    BigDecimal cachedInput,
    BigDecimal cacheWrite) {}
