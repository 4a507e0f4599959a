package dev.lookout.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.fixtures.RecordedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Token estimates of chat requests checked against the prompt_tokens OpenAI reported.
 *
 * <p>Three OpenAI chat recordings are left out of the exact check: chat_cached_tokens, whose
 * request text was cut to 1200 characters when it was recorded; chat_refusal, whose response_format
 * JSON schema OpenAI adds to the prompt in a format this estimate does not model (64 reported); and
 * chat_reasoning_tokens_o3mini, where o3-mini reported 7 tokens for one "hello" message that the
 * gpt-4o message overhead counts as 8.
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
      })
  void requestCountMatchesPromptTokens(String file) {
    JsonNode entry = entry(file);
    JsonNode request = entry.path("request_body");
    long reported = entry.path("expected").path("usage").path("input_tokens_total").asLong();

    assertThat(COUNTER.countChatRequest(request.path("model").asText(), request))
        .isEqualTo(reported);
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
