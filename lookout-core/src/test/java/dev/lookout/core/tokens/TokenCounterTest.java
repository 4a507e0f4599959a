package dev.lookout.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.fixtures.RecordedFixtures;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Token estimates of chat requests checked against the prompt_tokens OpenAI reported.
 *
 * <p>The chat_cached_tokens recording kept only the first 1200 characters of its long text. That
 * text is a generated catalogue, so the test rebuilds it by the same rule before counting.
 */
class TokenCounterTest {
  private static final TokenCounter COUNTER = TokenCounter.create();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "openai/chat_basic.json",
        "openai/chat_parallel_tool_calls.json",
        "openai/chat_stream_text_include_usage.sse",
        "openai/chat_stream_tool_call_include_usage.sse",
        "openai/chat_stream_parallel_tool_calls.sse",
        "openai/chat_reasoning_tokens_o3mini.json",
        "openai/chat_refusal.json",
      })
  void requestCountMatchesPromptTokens(String file) {
    JsonNode entry = entry(file);
    JsonNode request = entry.path("request_body");
    long reported = entry.path("expected").path("usage").path("input_tokens_total").asLong();

    assertThat(COUNTER.countChatRequest(request.path("model").asText(), request))
        .isEqualTo(reported);
  }

  @Test
  void cachedTokensRequestMatchesOnceRebuilt() {
    JsonNode entry = entry("openai/chat_cached_tokens.json");
    ObjectNode request = entry.path("request_body").deepCopy();
    ObjectNode part = (ObjectNode) request.path("messages").path(0).path("content").path(0);
    part.put("text", catalogue());
    long reported = entry.path("expected").path("usage").path("input_tokens_total").asLong();

    assertThat(COUNTER.countChatRequest(request.path("model").asText(), request))
        .isEqualTo(reported);
  }

  @Test
  void catalogueStartsWithRecordedText() {
    String recordedPrefix = recordedCatalogue().group(1);

    assertThat(catalogue()).startsWith(recordedPrefix);
  }

  @Test
  void catalogueHasRecordedLength() {
    Matcher recorded = recordedCatalogue();
    int length = recorded.group(1).length() + Integer.parseInt(recorded.group(2));

    assertThat(catalogue()).hasSize(length);
  }

  /** Matches the recorded text: group 1 is the part kept, group 2 the count of characters cut. */
  private static Matcher recordedCatalogue() {
    String recorded =
        entry("openai/chat_cached_tokens.json")
            .path("request_body")
            .path("messages")
            .path(0)
            .path("content")
            .path(0)
            .path("text")
            .asText();
    Matcher matcher =
        Pattern.compile("(.*)\\.\\.\\.\\[truncated (\\d+) chars]", Pattern.DOTALL)
            .matcher(recorded);
    if (!matcher.matches()) {
      throw new IllegalStateException(
          "chat_cached_tokens: the request text has no \"...[truncated N chars]\" mark; update this test to the fixture");
    }
    return matcher;
  }

  /** Returns the text the recorded test generated: a header and 160 catalogue entries. */
  private static String catalogue() {
    StringBuilder text = new StringBuilder("Reference catalogue for the prompt cache test corpus.");
    for (int i = 0; i < 160; i++) {
      text.append(
          String.format(
              Locale.ROOT,
              "\nEntry %04d: shelf %d, aisle %d, volume %d, catalogued under subject heading %d.",
              i,
              i % 23,
              i % 7,
              i,
              i % 11));
    }
    return text.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"o3-mini", "o1", "o4-mini-2025-04-16", "gpt-5", "gpt-5.5", "openai/o3"})
  void reasoningModelsRecognised(String model) {
    assertThat(TokenCounter.isReasoningModel(model)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt-4o", "gpt-4.1-mini", "o200k", "gpt-50x"})
  void otherModelsNotReasoning(String model) {
    assertThat(TokenCounter.isReasoningModel(model)).isFalse();
  }

  @Test
  void toolsAddDefinitionTokens() throws Exception {
    JsonNode withTools = entry("openai/chat_parallel_tool_calls.json").path("request_body");
    JsonNode messages = withTools.path("messages");

    int messagesOnly = COUNTER.countChatPrompt("gpt-4o", messages);
    int whole = COUNTER.countChatRequest("gpt-4o", withTools);

    assertThat(whole).isGreaterThan(messagesOnly);
  }

  @Test
  void nonObjectRequestCountsZero() throws Exception {
    JsonNode array = new ObjectMapper().readTree("[1, 2]");

    assertThat(COUNTER.countChatRequest("gpt-4o", array)).isZero();
  }

  private static JsonNode entry(String file) {
    return RecordedFixtures.manifest().stream()
        .filter(candidate -> candidate.path("file").asText().equals(file))
        .findFirst()
        .orElseThrow();
  }
}
