package dev.lookout.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageReader;
import dev.lookout.core.usage.UsageSource;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Long-context tiers, 1-hour cache writes and batch prices of the built-in table. */
class CostRulesTest {
  private static final PriceTable TABLE = PriceTable.builtIn();

  @Test
  void geminiProAbove200kUsesHigherTier() {
    TokenUsage usage = TokenUsage.of(250_000, 1000, UsageSource.PROVIDER);

    // gemini-2.5-pro above 200k (2.5 / 15): 250000 × 2.5 + 1000 × 15 = 625000 + 15000 = 640000
    assertCost(TABLE.cost("gemini-2.5-pro", usage), "0.64");
  }

  @Test
  void geminiProAt200kStaysLower() {
    TokenUsage usage = TokenUsage.of(200_000, 1000, UsageSource.PROVIDER);

    // gemini-2.5-pro (1.25 / 10): 200000 × 1.25 + 1000 × 10 = 250000 + 10000 = 260000
    assertCost(TABLE.cost("gemini-2.5-pro", usage), "0.26");
  }

  @Test
  void sonnet4Above200kBillsCacheAtHigherTier() {
    TokenUsage usage = new TokenUsage(250_000, 1000, 100_000, 0, 0, UsageSource.PROVIDER);

    // claude-sonnet-4 above 200k (6 / 22.5, read 0.6):
    // 150000 × 6 + 100000 × 0.6 + 1000 × 22.5 = 900000 + 60000 + 22500 = 982500 per million
    assertCost(TABLE.cost("claude-sonnet-4-20250514", usage), "0.9825");
  }

  @Test
  void sonnet4At200kStaysLower() {
    TokenUsage usage = new TokenUsage(200_000, 1000, 100_000, 0, 0, UsageSource.PROVIDER);

    // claude-sonnet-4 (3 / 15, read 0.3):
    // 100000 × 3 + 100000 × 0.3 + 1000 × 15 = 300000 + 30000 + 15000 = 345000 per million
    assertCost(TABLE.cost("claude-sonnet-4-20250514", usage), "0.345");
  }

  @Test
  void oneHourWritesUseOwnRate() {
    TokenUsage usage = new TokenUsage(1000, 10, 0, 900, 0, 600, UsageSource.PROVIDER);

    // claude-sonnet-4-5: 100 × 3 + 300 five-minute × 3.75 + 600 one-hour × 6 + 10 × 15
    // = 300 + 1125 + 3600 + 150 = 5175 per million
    assertCost(TABLE.cost("claude-sonnet-4-5", usage), "0.005175");
  }

  @Test
  void oneHourWritesReadFromAnthropicUsage() throws Exception {
    JsonNode body =
        new ObjectMapper()
            .readTree(
                "{\"type\":\"message\",\"usage\":{\"input_tokens\":100,"
                    + "\"cache_creation_input_tokens\":900,\"cache_read_input_tokens\":0,"
                    + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":300,"
                    + "\"ephemeral_1h_input_tokens\":600},\"output_tokens\":10}}");
    TokenUsage usage = UsageReader.fromResponse(body).orElseThrow();

    // Same counts as oneHourWritesUseOwnRate: 5175 per million
    assertCost(TABLE.cost("claude-sonnet-4-5-20250929", usage), "0.005175");
  }

  @Test
  void oneHourWritesAbove200kUseHigherTier() {
    TokenUsage usage = new TokenUsage(250_000, 0, 0, 10_000, 0, 10_000, UsageSource.PROVIDER);

    // claude-sonnet-4-5 above 200k: 240000 × 6 + 10000 one-hour × 12 = 1440000 + 120000
    assertCost(TABLE.cost("claude-sonnet-4-5", usage), "1.56");
  }

  @Test
  void oneHourWritesWithoutPriceAreUnpriced() {
    TokenUsage usage = new TokenUsage(1000, 10, 0, 900, 0, 600, UsageSource.PROVIDER);

    PriceQuote quote =
        TABLE.quote("bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0", usage, false);

    assertThat(quote.priced()).isFalse();
    assertThat(quote.unpricedReason()).contains("1-hour cache write");
  }

  @Test
  void modelPriceCostRejectsUnpricedUsage() {
    TokenUsage usage = new TokenUsage(1000, 10, 0, 900, 0, 600, UsageSource.PROVIDER);
    ModelPrice price =
        TABLE.find("bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow();

    assertThatThrownBy(() -> price.cost(usage))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1-hour");
  }

  @Test
  void batchUsesListedBatchPrice() {
    TokenUsage usage = TokenUsage.of(1000, 500, UsageSource.PROVIDER);

    // gpt-4o batch (1.25 / 5): 1000 × 1.25 + 500 × 5 = 1250 + 2500 = 3750 per million
    assertCost(TABLE.cost("gpt-4o", usage, true), "0.00375");
  }

  @Test
  void batchUsesHalfPriceForClaude() {
    TokenUsage usage = TokenUsage.of(1000, 500, UsageSource.PROVIDER);

    // claude-sonnet-4-5 batch at 50% (1.5 / 7.5): 1000 × 1.5 + 500 × 7.5 = 1500 + 3750 = 5250
    assertCost(TABLE.cost("claude-sonnet-4-5", usage, true), "0.00525");
  }

  @Test
  void batchWithoutBatchPriceIsUnpriced() {
    TokenUsage usage = TokenUsage.of(1000, 500, UsageSource.PROVIDER);

    PriceQuote quote = TABLE.quote("mistral-large-latest", usage, true);

    assertThat(quote.costUsd()).isNull();
    assertThat(quote.unpricedReason())
        .isEqualTo("no batch price is listed for 'mistral-large-latest'");
    assertThat(quote.resolvedModel()).isEqualTo("mistral-large-latest");
  }

  @Test
  void batchWithCacheReadsIsUnpriced() {
    TokenUsage usage = new TokenUsage(1000, 500, 400, 0, 0, UsageSource.PROVIDER);

    PriceQuote quote = TABLE.quote("gpt-4o", usage, true);

    assertThat(quote.priced()).isFalse();
    assertThat(quote.unpricedReason()).contains("cache reads or writes");
  }

  @Test
  void batchAbove200kIsUnpriced() {
    TokenUsage usage = TokenUsage.of(250_000, 500, UsageSource.PROVIDER);

    PriceQuote quote = TABLE.quote("gemini-2.5-pro", usage, true);

    assertThat(quote.priced()).isFalse();
    assertThat(quote.unpricedReason()).contains("above 200000 input tokens");
  }

  @Test
  void standardCostIgnoresBatchPrice() {
    TokenUsage usage = TokenUsage.of(1000, 500, UsageSource.PROVIDER);

    // gpt-4o (2.5 / 10): 1000 × 2.5 + 500 × 10 = 2500 + 5000 = 7500 per million
    assertCost(TABLE.cost("gpt-4o", usage, false), "0.0075");
  }

  @Test
  void geminiThinkingBilledAsOutput() throws Exception {
    JsonNode body =
        new ObjectMapper()
            .readTree(
                "{\"usageMetadata\":{\"promptTokenCount\":100,\"candidatesTokenCount\":20,"
                    + "\"thoughtsTokenCount\":80,\"totalTokenCount\":200}}");
    TokenUsage usage = UsageReader.fromResponse(body).orElseThrow();

    // gemini-2.5-flash (0.3 / 2.5): 100 × 0.3 + (20 + 80) × 2.5 = 30 + 250 = 280 per million
    assertCost(TABLE.cost("gemini-2.5-flash", usage), "0.00028");
  }

  @Test
  void deepSeekCacheHitsUseCachedRate() throws Exception {
    JsonNode body =
        new ObjectMapper()
            .readTree(
                "{\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":100,"
                    + "\"total_tokens\":1100,\"prompt_cache_hit_tokens\":800,"
                    + "\"prompt_cache_miss_tokens\":200}}");
    TokenUsage usage = UsageReader.fromResponse(body).orElseThrow();

    // deepseek-chat (0.28 / 0.42, cache hit 0.028): 200 × 0.28 + 800 × 0.028 + 100 × 0.42
    // = 56 + 22.4 + 42 = 120.4 per million
    assertCost(TABLE.cost("deepseek/deepseek-chat", usage), "0.0001204");
  }

  private static void assertCost(java.util.Optional<BigDecimal> cost, String expected) {
    assertThat(cost).isPresent();
    assertThat(cost.orElseThrow()).isEqualByComparingTo(expected);
  }
}
