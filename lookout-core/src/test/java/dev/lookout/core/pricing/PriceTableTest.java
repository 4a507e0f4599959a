package dev.lookout.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.fixtures.RecordedFixtures;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageReader;
import dev.lookout.core.usage.UsageSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTableTest {
  private static final PriceTable TABLE = PriceTable.builtIn();

  @Test
  void gpt4oCachedPromptCost() {
    TokenUsage usage = new TokenUsage(4020, 13, 4012, 0, 0, UsageSource.PROVIDER);

    // 8 uncached × 2.5 + 4012 cached × 1.25 + 13 output × 10 = 20 + 5015 + 130 = 5165 per million
    assertCost(TABLE.cost("gpt-4o", usage), "0.005165");
  }

  @Test
  void claudeSonnet4CacheWriteAndReadCost() {
    JsonNode body =
        RecordedFixtures.readJson(
            RecordedFixtures.fixture("anthropic/messages_cache_creation_and_read.json"));
    TokenUsage usage = UsageReader.fromResponse(body).orElseThrow();

    // 3 uncached × 3 + 1111 reads × 0.3 + 418 writes × 3.75 + 33 output × 15
    // = 9 + 333.3 + 1567.5 + 495 = 2404.8 per million
    assertCost(TABLE.cost("claude-sonnet-4-20250514", usage), "0.0024048");
  }

  @Test
  void o3MiniReasoningBilledAsOutput() {
    JsonNode body =
        RecordedFixtures.readJson(
            RecordedFixtures.fixture("openai/chat_reasoning_tokens_o3mini.json"));
    TokenUsage usage = UsageReader.fromResponse(body).orElseThrow();

    // 7 input × 1.1 + 87 output (64 of them reasoning) × 4.4 = 7.7 + 382.8 = 390.5 per million
    assertCost(TABLE.cost(body.path("model").asText(), usage), "0.0003905");
  }

  @Test
  void unknownModelHasNoCost() {
    TokenUsage usage = new TokenUsage(4020, 4, 4012, 0, 0, UsageSource.PROVIDER);

    assertThat(TABLE.cost("gpt-5.6-sol", usage)).isEmpty();
  }

  @Test
  void modelWithoutCachedPriceLeavesCacheUnpriced() {
    TokenUsage usage = new TokenUsage(1000, 0, 600, 0, 0, UsageSource.PROVIDER);

    assertThat(TABLE.quote("gpt-4-turbo", usage, false).unpricedReason())
        .isEqualTo(
            "no cached input price is listed for 'gpt-4-turbo'; add cached_input to a prices file");
  }

  @Test
  void modelWithoutCachedPricePricesUncachedCall() {
    TokenUsage usage = new TokenUsage(1000, 0, 0, 0, 0, UsageSource.PROVIDER);

    // gpt-4-turbo at 10 input: 1000 × 10 = 10000 per million
    assertCost(TABLE.cost("gpt-4-turbo", usage), "0.01");
  }

  @Test
  void embeddingCostsInputOnly() {
    TokenUsage usage = TokenUsage.of(8, 0, UsageSource.PROVIDER);

    // 8 × 0.02 = 0.16 per million
    assertCost(TABLE.cost("text-embedding-3-small", usage), "0.00000016");
  }

  @Test
  void longContextPriceAppliesPast200kInput() {
    TokenUsage usage = new TokenUsage(250_000, 1000, 0, 0, 0, UsageSource.PROVIDER);

    // 250000 × 6 + 1000 × 22.5 = 1500000 + 22500 = 1522500 per million
    assertCost(TABLE.cost("claude-sonnet-4-5", usage), "1.5225");
  }

  @Test
  void longContextPriceNotAppliedAt200kInput() {
    TokenUsage usage = new TokenUsage(200_000, 1000, 0, 0, 0, UsageSource.PROVIDER);

    // 200000 × 3 + 1000 × 15 = 600000 + 15000 = 615000 per million
    assertCost(TABLE.cost("claude-sonnet-4-5", usage), "0.615");
  }

  @Test
  void millionCostsSumExactly() {
    TokenUsage usage = new TokenUsage(1234, 567, 1024, 0, 89, UsageSource.PROVIDER);
    BigDecimal singleCost = TABLE.cost("gpt-4o-mini", usage).orElseThrow();
    BigDecimal sum = BigDecimal.ZERO;
    double doubleSum = 0;

    for (int i = 0; i < 1_000_000; i++) {
      BigDecimal cost = TABLE.cost("gpt-4o-mini", usage).orElseThrow();
      sum = sum.add(cost);
      doubleSum += cost.doubleValue();
    }

    // 210 uncached × 0.15 + 1024 cached × 0.075 + 567 × 0.6 = 31.5 + 76.8 + 340.2 = 448.5
    assertThat(singleCost).isEqualByComparingTo("0.0004485");
    assertThat(sum).isEqualByComparingTo(singleCost.multiply(BigDecimal.valueOf(1_000_000)));
    assertThat(new BigDecimal(doubleSum)).isNotEqualByComparingTo(sum);
  }

  @ParameterizedTest
  @CsvSource({
    "gpt-4o-2024-08-06, gpt-4o-2024-08-06",
    "GPT-4O, gpt-4o",
    "openai/gpt-4o-mini, gpt-4o-mini",
    "anthropic/claude-sonnet-4-5-20250929, claude-sonnet-4-5",
    "claude-haiku-4-5-20251001, claude-haiku-4-5",
    "claude-opus-4-1-20250805, claude-opus-4-1",
    "o3-mini-2025-01-31, o3-mini",
    "gpt-4.1-2025-04-14, gpt-4.1",
    "claude-sonnet-4-0, claude-sonnet-4-20250514",
    "ft:gpt-4o-mini-2024-07-18:acme::9AbCdEf, ft:gpt-4o-mini-2024-07-18",
    "ft:gpt-4.1-mini-2025-04-14:acme::x, ft:gpt-4.1-mini-2025-04-14",
    "gpt4_1106_preview, gpt-4-1106-preview",
    "gpt4, gpt-4",
    "gpt35_turbo_instruct, gpt-3.5-turbo-instruct",
    "claude-2, claude-2.1",
    "' gpt-5 ', gpt-5",
  })
  void findResolvesName(String requested, String entry) {
    assertThat(TABLE.find(requested)).map(ModelPrice::model).contains(entry);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gpt-5.6-sol",
        "claude-sonnet-5",
        "ft:gpt-4o-2024-05-13:acme:custom:9AbCdEf",
        "gpt-4o-2024",
        "ft:",
        "",
        "gpt-3.5-turbo-9999",
      })
  void findRejectsUnknownName(String requested) {
    assertThat(TABLE.find(requested)).isEmpty();
  }

  @Test
  void datedSnapshotKeepsOwnPrice() {
    ModelPrice price = TABLE.find("gpt-4o-2024-05-13").orElseThrow();

    assertThat(price.input()).isEqualByComparingTo("5");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gpt-5",
        "gpt-5-mini",
        "gpt-5-nano",
        "gpt-4.1",
        "gpt-4.1-mini",
        "gpt-4.1-nano",
        "gpt-4o",
        "gpt-4o-mini",
        "o1",
        "o3",
        "o3-mini",
        "o4-mini",
        "gpt-4-turbo",
        "gpt-4",
        "gpt-3.5-turbo",
        "text-embedding-3-small",
        "text-embedding-3-large",
        "text-embedding-ada-002",
        "gpt-4-1106-preview",
        "claude-opus-4-1",
        "claude-opus-4",
        "claude-sonnet-4-5",
        "claude-sonnet-4",
        "claude-haiku-4-5",
        "claude-3-7-sonnet-20250219",
        "claude-3-5-sonnet-20240620",
        "claude-3-5-haiku-20241022",
        "claude-3-opus-20240229",
        "claude-3-haiku-20240307",
        "claude-2",
        "gpt-4o-2024-05-13",
        "gpt-4o-mini-2024-07-18",
        "gpt-3.5-turbo-instruct"
      })
  void builtInCoversModel(String model) {
    assertThat(TABLE.find(model)).isPresent();
  }

  @Test
  void builtInMatchesLiteLlmExactly() throws IOException {
    ObjectMapper exact =
        new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    JsonNode litellm =
        exact.readTree(
            RecordedFixtures.dataDir().resolve("pricing/litellm_model_prices.json").toFile());
    JsonNode ours;
    try (InputStream in = PriceTable.class.getResourceAsStream("prices.json")) {
      ours = exact.readTree(in).path("models");
    }
    Map<String, String> fields =
        Map.of(
            "input", "input_cost_per_token",
            "output", "output_cost_per_token",
            "cached_input", "cache_read_input_token_cost",
            "cache_write", "cache_creation_input_token_cost",
            "cache_write_1h", "cache_creation_input_token_cost_above_1hr",
            "batch_input", "input_cost_per_token_batches",
            "batch_output", "output_cost_per_token_batches",
            "long_context.input", "input_cost_per_token_above_200k_tokens",
            "long_context.output", "output_cost_per_token_above_200k_tokens",
            "long_context.cached_input", "cache_read_input_token_cost_above_200k_tokens");
    int checked = 0;

    for (Map.Entry<String, JsonNode> entry : ours.properties()) {
      JsonNode model = entry.getValue();
      JsonNode source = litellm.path(model.path("litellm_key").asText());
      assertThat(source.isObject()).as("LiteLLM entry of %s", entry.getKey()).isTrue();
      String derived =
          model.path("derived").toString()
              + model.path("omitted").toString()
              + model.path("corrected").toString();
      for (Map.Entry<String, String> field : fields.entrySet()) {
        if (derived.contains("\"" + field.getKey() + "\"")) {
          continue;
        }
        JsonNode perToken = source.get(field.getValue());
        JsonNode perMillion = field(model, field.getKey());
        String label = entry.getKey() + " " + field.getKey();
        if (perToken == null) {
          assertThat(perMillion.isNull() || perMillion.isMissingNode()).as(label).isTrue();
          continue;
        }
        assertThat(new BigDecimal(perMillion.asText()))
            .as(label)
            .isEqualByComparingTo(perToken.decimalValue().movePointRight(6));
        checked++;
      }
    }

    assertThat(checked).isGreaterThan(450);
  }

  @Test
  void correctedPriceNamesItsSource() {
    ModelPrice price = TABLE.find("command-r7b-12-2024").orElseThrow();

    assertThat(price.source()).contains("input, output corrected");
  }

  @Test
  void correctedPriceUsesProviderInput() {
    ModelPrice price = TABLE.find("command-r7b-12-2024").orElseThrow();

    assertThat(price.input()).isEqualByComparingTo("0.0375");
  }

  @Test
  void derivedPricesFollowProviderRules() {
    int checked = 0;

    for (ModelPrice price : TABLE.models()) {
      String provider = price.provider();
      if (provider.equals("anthropic") && price.cacheWrite() != null) {
        // Anthropic bills a 1-hour cache write at 2 times the input price.
        assertThat(price.cacheWriteOneHour())
            .as("%s cache_write_1h", price.model())
            .isEqualByComparingTo(price.input().multiply(BigDecimal.valueOf(2)));
        checked++;
      }
      if (provider.equals("mistral")) {
        // Mistral bills cached prompt tokens at 10% of the input price.
        assertThat(price.cachedInput())
            .as("%s cached_input", price.model())
            .isEqualByComparingTo(price.input().multiply(new BigDecimal("0.1")));
        checked++;
      }
      boolean halfPriceBatch = Set.of("openai", "anthropic", "google").contains(provider);
      if (halfPriceBatch && price.batchInput() != null) {
        // OpenAI, Anthropic and Google bill their batch APIs at 50% of the standard prices.
        assertThat(price.batchInput())
            .as("%s batch_input", price.model())
            .isEqualByComparingTo(price.input().multiply(new BigDecimal("0.5")));
        assertThat(price.batchOutput())
            .as("%s batch_output", price.model())
            .isEqualByComparingTo(price.output().multiply(new BigDecimal("0.5")));
        checked++;
      }
    }

    assertThat(checked).isGreaterThan(60);
  }

  @Test
  void everyEntryCitesSourceAndDate() {
    for (ModelPrice price : TABLE.models()) {
      assertThat(price.source()).as("%s source", price.model()).contains("LiteLLM", "https://");
      assertThat(price.effectiveDate()).as("%s date", price.model()).isNotNull();
    }
  }

  private static JsonNode field(JsonNode model, String path) {
    JsonNode node = model;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  @Test
  void readRejectsNumericPrice() {
    String file = "{\"models\":{\"m\":{\"input\":2.5,\"output\":\"10\"}}}";

    assertThatThrownBy(() -> read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decimal string");
  }

  @Test
  void readRejectsMissingOutput() {
    String file = "{\"models\":{\"m\":{\"input\":\"2.5\"}}}";

    assertThatThrownBy(() -> read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing 'output'");
  }

  @Test
  void readRejectsDuplicateName() {
    String file =
        "{\"models\":{\"a\":{\"input\":\"1\",\"output\":\"1\",\"aliases\":[\"B\"]},"
            + "\"b\":{\"input\":\"1\",\"output\":\"1\"}}}";

    assertThatThrownBy(() -> read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void reasoningPriceSplitsOutput() throws IOException {
    String file = "{\"models\":{\"r\":{\"input\":\"1\",\"output\":\"10\",\"reasoning\":\"20\"}}}";
    TokenUsage usage = new TokenUsage(100, 50, 0, 0, 30, UsageSource.PROVIDER);

    // 100 × 1 + 20 visible × 10 + 30 reasoning × 20 = 100 + 200 + 600 = 900 per million
    assertCost(read(file).cost("r", usage), "0.0009");
  }

  private static void assertCost(Optional<BigDecimal> cost, String expected) {
    assertThat(cost).isPresent();
    assertThat(cost.orElseThrow()).isEqualByComparingTo(expected);
  }

  private static PriceTable read(String json) throws IOException {
    return PriceTable.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test file");
  }
}
