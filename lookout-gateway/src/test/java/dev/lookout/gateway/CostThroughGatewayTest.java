package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.usage.UsageSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exact costs of recorded and hand-made usage shapes, priced by the gateway. Each expected value is
 * worked out in its comment from the published prices in US dollars per million tokens.
 */
class CostThroughGatewayTest {
  private static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    harness = new GatewayHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
  }

  private static CallRecord call(String model, boolean stream, String contentType, String body)
      throws Exception {
    harness.upstream.respond(200, contentType, body);
    int before = harness.records.size();
    harness.post(
        "/v1/chat/completions",
        "{\"model\":\""
            + model
            + "\",\"stream\":"
            + stream
            + ",\"stream_options\":{\"include_usage\":true},\"messages\":[]}");
    return harness.awaitRecord(before + 1);
  }

  private static String fixture(String file) throws Exception {
    return Files.readString(SharedData.path("fixtures/" + file));
  }

  private static String completion(String model, String usage) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\""
        + model
        + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
        + "\"finish_reason\":\"stop\"}],\"usage\":"
        + usage
        + "}";
  }

  @Test
  void cachedPartIsNotAddedOnTop() throws Exception {
    // The response names gpt-5.6-sol, which has no price, so the requested gpt-4o prices it:
    // 8 uncached at 2.50, 4012 cached at 1.25, 4 output at 10.00:
    // 0.00002 + 0.005015 + 0.00004 = 0.005075.
    CallRecord record =
        call("gpt-4o", false, "application/json", fixture("openai/chat_cached_tokens.json"));

    assertThat(record.costUsd()).isEqualByComparingTo(new BigDecimal("0.005075"));
  }

  @Test
  void reasoningIsPartOfOutput() throws Exception {
    // o3-mini at 1.10 input and 4.40 output: 7 * 1.1e-6 + 87 * 4.4e-6 = 0.0003905.
    CallRecord record =
        call(
            "o3-mini",
            false,
            "application/json",
            fixture("openai/chat_reasoning_tokens_o3mini.json"));

    assertThat(record.reasoningTokens()).isEqualTo(64L);
    assertThat(record.costUsd()).isEqualByComparingTo(new BigDecimal("0.0003905"));
  }

  @Test
  void groqUsageInFinishChunk() throws Exception {
    // groq/openai/gpt-oss-120b at 0.15 input and 0.60 output: 304 * 1.5e-7 + 49 * 6e-7
    // = 0.0000456 + 0.0000294 = 0.000075.
    CallRecord record =
        call(
            "groq/openai/gpt-oss-120b",
            true,
            "text/event-stream",
            fixture("groq/chat_stream_usage_in_finish_chunk.sse"));

    assertThat(record.costUsd()).isEqualByComparingTo(new BigDecimal("0.000075"));
  }

  @Test
  void deepSeekCacheHitsArePricedCached() throws Exception {
    // deepseek-chat at 0.28 miss, 0.028 hit and 0.42 output: 40 * 2.8e-7 + 60 * 2.8e-8
    // + 20 * 4.2e-7 = 0.0000112 + 0.00000168 + 0.0000084 = 0.00002128.
    CallRecord record =
        call(
            "deepseek-chat",
            false,
            "application/json",
            completion(
                "deepseek-chat",
                "{\"prompt_tokens\":100,\"completion_tokens\":20,\"total_tokens\":120,"
                    + "\"prompt_cache_hit_tokens\":60,\"prompt_cache_miss_tokens\":40}"));

    assertThat(record.cachedInputTokens()).isEqualTo(60L);
    assertThat(record.costUsd()).isEqualByComparingTo(new BigDecimal("0.00002128"));
  }

  @Test
  void azureResponseKeepsAzurePrice() throws Exception {
    // The response names gpt-4o-2024-11-20; the request's azure/ entry makes it Azure's snapshot
    // at 2.75 / 11: 14 × 2.75 + 9 × 11 = 38.5 + 99 = 137.5 per million.
    CallRecord record =
        call("azure/gpt-4o", false, "application/json", fixture("azure/chat_basic.json"));

    assertThat(record.costUsd()).isEqualByComparingTo(new BigDecimal("0.0001375"));
  }

  @Test
  void impossibleUsageIsEstimated() throws Exception {
    // 2^53 prompt tokens cannot be a real count: the usage is not priced, the call is counted.
    CallRecord record =
        call(
            "gpt-4o",
            false,
            "application/json",
            completion("gpt-4o", "{\"prompt_tokens\":9007199254740992,\"completion_tokens\":1}"));

    assertThat(record.usageSource()).isEqualTo(UsageSource.ESTIMATED);
  }

  @Test
  void textCountsArePriced() throws Exception {
    // gpt-4o at 2.50 input and 10.00 output: 12 * 2.5e-6 + 5 * 1e-5 = 0.00003 + 0.00005 = 0.00008.
    CallRecord record =
        call(
            "gpt-4o",
            false,
            "application/json",
            completion("gpt-4o", "{\"prompt_tokens\":\"12\",\"completion_tokens\":\"5\"}"));

    assertThat(record.costUsd()).isEqualByComparingTo(new BigDecimal("0.00008"));
  }

  @Test
  void longPromptMovesToHigherTier() throws Exception {
    // claude-sonnet-4-5 above 200,000 prompt tokens: all input at 6.00, output at 22.50:
    // 250000 * 6e-6 + 100 * 2.25e-5 = 1.5 + 0.00225 = 1.50225.
    CallRecord record =
        call(
            "claude-sonnet-4-5",
            false,
            "application/json",
            completion(
                "claude-sonnet-4-5",
                "{\"prompt_tokens\":250000,\"completion_tokens\":100,\"total_tokens\":250100}"));

    assertThat(record.costUsd()).isEqualByComparingTo(new BigDecimal("1.50225"));
  }

  @Test
  void thresholdPromptStaysLower() throws Exception {
    // Exactly 200,000 prompt tokens stay on the lower tier: 200000 * 3e-6 + 100 * 1.5e-5
    // = 0.6 + 0.0015 = 0.6015.
    CallRecord record =
        call(
            "claude-sonnet-4-5",
            false,
            "application/json",
            completion(
                "claude-sonnet-4-5",
                "{\"prompt_tokens\":200000,\"completion_tokens\":100,\"total_tokens\":200100}"));

    assertThat(record.costUsd()).isEqualByComparingTo(new BigDecimal("0.6015"));
  }

  @Test
  void unknownModelIsUnpriced() throws Exception {
    CallRecord record =
        call(
            "my-local-llama",
            false,
            "application/json",
            completion(
                "my-local-llama",
                "{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}"));

    assertThat(record.priced()).isFalse();
    assertThat(record.costUsd()).isNull();
    assertThat(harness.get("/metrics").body())
        .contains("lookout_unpriced_calls_total{model=\"my-local-llama\"} 1.0");
  }
}
