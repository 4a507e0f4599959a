package dev.lookout.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.core.fixtures.RecordedFixtures;
import dev.lookout.core.sse.SseParser;
import dev.lookout.core.usage.StreamAccumulator;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prices the usage of every recorded response with usage at the built-in table's list prices.
 * Expected costs are computed by hand from the per-million prices in the comment of each row.
 */
class FixtureCostTest {
  private static final PriceTable TABLE = PriceTable.builtIn();

  /** Fixtures whose model the table lists: file, model to price, expected USD. */
  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
    // gpt-4o-2024-08-06 (2.5 / 10): 16 × 2.5 + 12 × 10 = 40 + 120 = 160 per million
    "openai/chat_basic.json, gpt-4o-2024-08-06, 0.00016",
    // 75 × 2.5 + 53 × 10 = 187.5 + 530 = 717.5 per million
    "openai/chat_parallel_tool_calls.json, gpt-4o-2024-08-06, 0.0007175",
    // 64 × 2.5 + 13 × 10 = 160 + 130 = 290 per million
    "openai/chat_refusal.json, gpt-4o-2024-08-06, 0.00029",
    // o3-mini (1.1 / 4.4): 7 × 1.1 + 87 × 4.4 = 7.7 + 382.8 = 390.5 per million
    "openai/chat_reasoning_tokens_o3mini.json, o3-mini-2025-01-31, 0.0003905",
    // 16 × 2.5 + 10 × 10 = 40 + 100 = 140 per million
    "openai/chat_stream_text_include_usage.sse, gpt-4o-2024-08-06, 0.00014",
    // gpt-4o-mini-2024-07-18 (0.15 / 0.6): 53 × 0.15 + 15 × 0.6 = 7.95 + 9 = 16.95 per million
    "openai/chat_stream_tool_call_include_usage.sse, gpt-4o-mini-2024-07-18, 0.00001695",
    // 75 × 2.5 + 53 × 10 = 187.5 + 530 = 717.5 per million
    "openai/chat_stream_parallel_tool_calls.sse, gpt-4o-2024-08-06, 0.0007175",
    // o3-mini: 13 × 1.1 + 227 × 4.4 = 14.3 + 998.8 = 1013.1 per million
    "openai/responses_reasoning_o3mini.json, o3-mini-2025-01-31, 0.0010131",
    // gpt-5 (1.25 / 10, cached 0.125): 39 × 1.25 + 2048 × 0.125 + 124 × 10
    // = 48.75 + 256 + 1240 = 1544.75 per million
    "openai/responses_cached_tokens.json, gpt-5-2025-08-07, 0.00154475",
    // claude-sonnet-4 (3 / 15): 17 × 3 + 15 × 15 = 51 + 225 = 276 per million
    "anthropic/messages_basic.json, claude-sonnet-4-20250514, 0.000276",
    // claude-haiku-4-5 (1 / 5): 423 × 1 + 202 × 5 = 423 + 1010 = 1433 per million
    "anthropic/messages_parallel_tool_use.json, claude-haiku-4-5-20251001, 0.001433",
    // claude-sonnet-4-5 (3 / 15, read 0.3, 5-minute write 3.75):
    // 3 × 3 + 1111 × 0.3 + 418 × 3.75 + 33 × 15 = 9 + 333.3 + 1567.5 + 495 = 2404.8 per million
    "anthropic/messages_cache_creation_and_read.json, claude-sonnet-4-5-20250929, 0.0024048",
    // 43 × 3 + 321 × 15 = 129 + 4815 = 4944 per million
    "anthropic/messages_thinking.json, claude-sonnet-4-5-20250929, 0.004944",
    // claude-haiku-4-5: 10 × 1 + 4 × 5 = 30 per million
    "anthropic/messages_stream_text.sse, claude-haiku-4-5-20251001, 0.00003",
    // 543 × 1 + 40 × 5 = 543 + 200 = 743 per million
    "anthropic/messages_stream_tool_use.sse, claude-haiku-4-5-20251001, 0.000743",
    // 46 × 1 + 133 × 5 = 46 + 665 = 711 per million
    "anthropic/messages_stream_thinking.sse, claude-haiku-4-5-20251001, 0.000711",
    // claude-sonnet-4-5: 17 × 3 + 15 × 15 = 51 + 225 = 276 per million
    "anthropic/openai_compat_chat.json, claude-sonnet-4-5-20250929, 0.000276",
    // Azure's own price of gpt-4o-2024-11-20 (2.75 / 11): 14 × 2.75 + 9 × 11 = 38.5 + 99
    // = 137.5 per million
    "azure/chat_basic.json, azure/gpt-4o-2024-11-20, 0.0001375",
    // OpenAI's price of the same snapshot (2.5 / 10): 14 × 2.5 + 9 × 10 = 35 + 90 = 125
    "azure/chat_basic.json, gpt-4o-2024-11-20, 0.000125",
    // gemini-2.5-pro-preview-05-06 (1.25 / 10): 35 prompt, 12 completion + 62 thinking billed
    // as output: 35 × 1.25 + 74 × 10 = 43.75 + 740 = 783.75 per million
    "gemini_openai_compat/chat_tool_call_thought_signature.json,"
        + " gemini-2.5-pro-preview-05-06, 0.00078375",
    // Groq's gpt-oss-120b (0.15 / 0.6): 304 × 0.15 + 49 × 0.6 = 45.6 + 29.4 = 75 per million
    "groq/chat_stream_usage_in_finish_chunk.sse, groq/openai/gpt-oss-120b, 0.000075",
    // mistral-large-latest (2 / 6, cached at 10% of input: 0.2): 44 × 2 + 224 × 0.2 + 5 × 6
    // = 88 + 44.8 + 30 = 162.8 per million
    "mistral/chat_cached_tokens.json, mistral-large-latest, 0.0001628",
  })
  void fixtureCostMatches(String file, String model, String expected) {
    BigDecimal cost = TABLE.cost(model, usage(file)).orElseThrow();

    assertThat(cost).isEqualByComparingTo(expected);
  }

  /**
   * Fixtures whose model the table does not list: file, recorded model, a listed model to price the
   * same usage with, expected USD at that model's prices.
   */
  @ParameterizedTest(name = "{0} as {2}")
  @CsvSource({
    // gpt-5 (1.25 / 10, cached 0.125): 8 × 1.25 + 4012 × 0.125 + 4 × 10 = 10 + 501.5 + 40
    // = 551.5 per million
    "openai/chat_cached_tokens.json, gpt-5.6-sol, gpt-5, 0.0005515",
    // gpt-5: 11 × 1.25 + 5 × 10 = 13.75 + 50 = 63.75 per million
    "openai/responses_basic.json, gpt-5.5-2026-04-23, gpt-5, 0.00006375",
    "openai/responses_stream_basic.sse, gpt-5.5-2026-04-23, gpt-5, 0.00006375",
    // gpt-5: 58 × 1.25 + 23 × 10 = 72.5 + 230 = 302.5 per million
    "openai/responses_stream_tool_call.sse, gpt-5.5-2026-04-23, gpt-5, 0.0003025",
    // Azure gpt-5 (1.25 / 10): 18 × 1.25 + 16 × 10 = 22.5 + 160 = 182.5 per million
    "azure/responses_content_filters.json, azure/gpt-5.5, azure/gpt-5, 0.0001825",
    // claude-sonnet-4-6 (3 / 15): 254 × 3 + 5 × 15 = 762 + 75 = 837 per million, the same
    // 0.000837 that OpenRouter reports in usage.cost
    "openrouter/chat_stream_comments_cost.sse, anthropic/claude-4.6-sonnet-20260217,"
        + " claude-sonnet-4-6, 0.000837",
    // Groq's llama-3.1-8b-instant (0.05 / 0.08): 40 × 0.05 + 2 × 0.08 = 2 + 0.16 = 2.16
    "huggingface/chat_stream_usage_without_include_usage.sse, meta-llama/llama-3.1-8b-instruct,"
        + " groq/llama-3.1-8b-instant, 0.00000216",
  })
  void unknownFixtureModelIsUnpriced(String file, String recorded, String known, String expected) {
    TokenUsage usage = usage(file);

    assertThat(TABLE.cost(recorded, usage)).isEmpty();
    assertThat(TABLE.cost(known, usage).orElseThrow()).isEqualByComparingTo(expected);
  }

  @Test
  void batchOutputPricedPerLine() throws IOException {
    List<String> lines =
        Files.readAllLines(RecordedFixtures.fixture("openai/batch_output_chat.jsonl"));

    BatchOutputCost batch = BatchOutputCost.price(TABLE, lines);

    // gpt-4o-mini-2024-07-18 batch prices 0.075 / 0.3 per million:
    // task_0: 3351 × 0.075 + 359 × 0.3 = 251.325 + 107.7 = 359.025
    // task_1: 7647 × 0.075 + 563 × 0.3 = 573.525 + 168.9 = 742.425
    // task_2: 3010 × 0.075 + 463 × 0.3 = 225.75 + 138.9 = 364.65
    assertThat(batch.lines()).hasSize(3);
    assertThat(batch.lines().get(0).costUsd().orElseThrow()).isEqualByComparingTo("0.000359025");
    assertThat(batch.lines().get(1).costUsd().orElseThrow()).isEqualByComparingTo("0.000742425");
    assertThat(batch.lines().get(2).costUsd().orElseThrow()).isEqualByComparingTo("0.00036465");
    // 359.025 + 742.425 + 364.65 = 1466.1 per million
    assertThat(batch.totalUsd()).isEqualByComparingTo("0.0014661");
    assertThat(batch.unpricedLines()).isZero();
  }

  @Test
  void everyFixtureWithUsageIsPriced() throws Exception {
    Set<String> tested = new HashSet<>();
    for (var method : List.of("fixtureCostMatches", "unknownFixtureModelIsUnpriced")) {
      CsvSource rows =
          getClass().getDeclaredMethod(method, parameters(method)).getAnnotation(CsvSource.class);
      for (String row : rows.value()) {
        tested.add(row.split(",")[0].strip());
      }
    }

    for (JsonNode entry : RecordedFixtures.manifest()) {
      JsonNode usage = entry.path("expected").path("usage");
      if (usage.isObject()) {
        assertThat(tested)
            .as("cost test of %s", entry.path("file").asText())
            .contains(entry.path("file").asText());
      }
    }
  }

  private static Class<?>[] parameters(String method) {
    return method.equals("fixtureCostMatches")
        ? new Class<?>[] {String.class, String.class, String.class}
        : new Class<?>[] {String.class, String.class, String.class, String.class};
  }

  private static TokenUsage usage(String file) {
    if (file.endsWith(".sse")) {
      StreamAccumulator stream = new StreamAccumulator();
      SseParser parser = new SseParser(event -> stream.onEvent(event.event(), event.data()));
      parser.feed(RecordedFixtures.bytes(file));
      parser.finish();
      return stream.usage().orElseThrow();
    }
    JsonNode body = RecordedFixtures.readJson(RecordedFixtures.fixture(file));
    return UsageReader.fromResponse(body).orElseThrow();
  }
}
