package dev.lookout.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.tokens.TokenCounter;
import dev.lookout.core.usage.StreamAccumulator;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageSource;
import org.junit.jupiter.api.Test;

/** Estimates of usage: Anthropic requests and responses, and streams cut before their end. */
class UsageEstimatorTest {
  private static final String MODEL = "claude-sonnet-4-5";
  private static final String TEXT = "The quick brown fox jumps over the lazy dog. ".repeat(40);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final UsageEstimator estimator = new UsageEstimator(TokenCounter.create());

  @Test
  void cutAnthropicStreamCountsStreamedText() {
    StreamAccumulator stream = anthropicStream(false);

    TokenUsage usage = estimator.streamUsage(MODEL, stream).orElseThrow();

    assertThat(usage.outputTokens()).isEqualTo(TokenCounter.create().countText(MODEL, TEXT));
  }

  @Test
  void cutAnthropicStreamKeepsProviderInput() {
    StreamAccumulator stream = anthropicStream(false);

    assertThat(estimator.streamUsage(MODEL, stream).orElseThrow().inputTokens()).isEqualTo(25);
  }

  @Test
  void cutAnthropicStreamIsMarkedEstimated() {
    StreamAccumulator stream = anthropicStream(false);

    assertThat(estimator.streamUsage(MODEL, stream).orElseThrow().source())
        .isEqualTo(UsageSource.ESTIMATED);
  }

  @Test
  void cutAnthropicStreamWithoutTextCountsNoOutput() {
    StreamAccumulator stream = new StreamAccumulator();
    stream.onEvent(
        "message_start",
        "{\"type\":\"message_start\",\"message\":{\"model\":\""
            + MODEL
            + "\","
            + "\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}");

    assertThat(estimator.streamUsage(MODEL, stream).orElseThrow().outputTokens()).isZero();
  }

  @Test
  void completeAnthropicStreamKeepsProviderOutput() {
    StreamAccumulator stream = anthropicStream(true);

    assertThat(estimator.streamUsage(MODEL, stream).orElseThrow().outputTokens()).isEqualTo(7);
  }

  @Test
  void messagesRequestCountsSystemAndText() throws Exception {
    JsonNode request =
        JSON.readTree(
            "{\"system\": \""
                + TEXT
                + "\", \"messages\": [{\"role\": \"user\","
                + " \"content\": [{\"type\": \"text\", \"text\": \"Hello there\"}]}]}");
    JsonNode asChat =
        JSON.readTree(
            "[{\"role\": \"system\", \"content\": \""
                + TEXT
                + "\"},"
                + " {\"role\": \"user\", \"content\": \"Hello there\"}]");

    TokenUsage usage = estimator.estimate(Endpoint.MESSAGES, MODEL, request, "");

    assertThat(usage.inputTokens()).isEqualTo(TokenCounter.create().countChatPrompt(MODEL, asChat));
  }

  @Test
  void messagesResponseTextIsOutput() throws Exception {
    JsonNode response =
        JSON.readTree("{\"content\": [{\"type\": \"text\", \"text\": \"Paris.\"}]}");

    assertThat(UsageEstimator.outputText(response)).isEqualTo("Paris.");
  }

  /**
   * Returns a stream whose message_start reports 1 output token; {@code finished} adds
   * message_delta.
   */
  private static StreamAccumulator anthropicStream(boolean finished) {
    StreamAccumulator stream = new StreamAccumulator();
    stream.onEvent(
        "message_start",
        "{\"type\":\"message_start\",\"message\":{\"model\":\""
            + MODEL
            + "\","
            + "\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}");
    stream.onEvent(
        "content_block_start",
        "{\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    stream.onEvent(
        "content_block_delta",
        "{\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
            + TEXT
            + "\"}}");
    if (finished) {
      stream.onEvent(
          "message_delta",
          "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
              + "\"usage\":{\"output_tokens\":7}}");
    }
    return stream;
  }
}
