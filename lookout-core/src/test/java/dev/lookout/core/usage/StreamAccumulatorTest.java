package dev.lookout.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.fixtures.RecordedFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamAccumulatorTest {

  @Test
  void azureEmptyFirstChunkLeavesModelUnset() {
    StreamAccumulator stream = new StreamAccumulator();
    String firstLine = firstDataLine("azure/chat_stream_no_usage.sse");

    stream.onEvent(null, firstLine);

    assertThat(stream.responseModel()).isNull();
  }

  @Test
  void emptyModelDoesNotOverrideRealModel() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(null, "{\"model\":\"gpt-4.1-2025-04-14\",\"choices\":[]}");
    stream.onEvent(null, "{\"model\":\"\",\"choices\":[]}");

    assertThat(stream.responseModel()).isEqualTo("gpt-4.1-2025-04-14");
  }

  @Test
  void roleOnlyChunkIsNotContent() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(
        null, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");

    assertThat(stream.sawContent()).isFalse();
  }

  @Test
  void refusalDeltaIsContent() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(null, "{\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"I can't\"}}]}");

    assertThat(stream.sawContent()).isTrue();
    assertThat(stream.refusal()).isEqualTo("I can't");
    assertThat(stream.outputText()).isEmpty();
  }

  @Test
  void toolCallDeltaIsContent() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(
        null,
        "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
            + "\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}}]}");

    assertThat(stream.sawContent()).isTrue();
  }

  @Test
  void legacyCompletionTextIsCollected() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(
        null, "{\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\"Hi\"}]}");
    stream.onEvent(
        null, "{\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\"!\"}]}");

    assertThat(stream.outputText()).isEqualTo("Hi!");
  }

  @Test
  void groqUsageFallsBackToXGroq() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(
        null,
        "{\"choices\":[],\"x_groq\":{\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":7}}}");

    assertThat(stream.usage()).contains(TokenUsage.of(30, 7, UsageSource.PROVIDER));
  }

  @Test
  void topLevelUsageWinsOverXGroq() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(
        null,
        "{\"choices\":[],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":7},"
            + "\"x_groq\":{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}}");

    assertThat(stream.usage()).contains(TokenUsage.of(30, 7, UsageSource.PROVIDER));
  }

  @Test
  void nonJsonDataIsIgnored() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(null, "not json {");
    stream.onEvent("message", "");

    assertThat(stream.usage()).isEmpty();
    assertThat(stream.errorMessage()).isNull();
    assertThat(stream.sawContent()).isFalse();
  }

  @Test
  void errorPayloadInChatStream() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(
        null,
        "{\"id\":\"gen-1\",\"error\":{\"code\":502,\"message\":\"Upstream provider failed\"},"
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\"}]}");

    assertThat(stream.errorMessage()).isEqualTo("Upstream provider failed");
  }

  @Test
  void anthropicErrorEvent() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(
        "error",
        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");

    assertThat(stream.errorMessage()).isEqualTo("Overloaded");
  }

  @Test
  void responsesErrorEvent() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(
        "error",
        "{\"type\":\"error\",\"code\":\"server_error\",\"message\":\"The server had an error\"}");

    assertThat(stream.errorMessage()).isEqualTo("The server had an error");
  }

  @Test
  void errorEventWithPlainTextKeepsText() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent("error", "upstream closed");

    assertThat(stream.errorMessage()).isEqualTo("upstream closed");
  }

  @Test
  void firstErrorIsKept() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent("error", "{\"error\":{\"message\":\"first\"}}");
    stream.onEvent("error", "{\"error\":{\"message\":\"second\"}}");

    assertThat(stream.errorMessage()).isEqualTo("first");
  }

  @Test
  void responsesFailedCarriesErrorAndUsage() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(
        "response.failed",
        "{\"type\":\"response.failed\",\"response\":{\"model\":\"gpt-5\",\"status\":\"failed\","
            + "\"error\":{\"code\":\"server_error\",\"message\":\"Model failed\"},"
            + "\"usage\":{\"input_tokens\":20,\"output_tokens\":3,"
            + "\"output_tokens_details\":{\"reasoning_tokens\":2}}}}");

    assertThat(stream.errorMessage()).isEqualTo("Model failed");
    assertThat(stream.usage()).contains(new TokenUsage(20, 3, 0, 0, 2, UsageSource.PROVIDER));
    assertThat(stream.sawEnd()).isTrue();
  }

  @Test
  void responsesIncompleteCarriesUsage() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(
        "response.incomplete",
        "{\"type\":\"response.incomplete\",\"response\":{\"status\":\"incomplete\","
            + "\"usage\":{\"input_tokens\":9,\"output_tokens\":16,"
            + "\"input_tokens_details\":{\"cached_tokens\":0}}}}");

    assertThat(stream.usage()).contains(TokenUsage.of(9, 16, UsageSource.PROVIDER));
    assertThat(stream.errorMessage()).isNull();
  }

  @Test
  void anthropicDeltaOverridesStartUsage() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(
        "message_start",
        "{\"type\":\"message_start\",\"message\":{\"model\":\"claude-sonnet-4-5\",\"usage\":"
            + "{\"input_tokens\":3,\"cache_creation_input_tokens\":418,"
            + "\"cache_read_input_tokens\":1111,\"output_tokens\":1}}}");
    stream.onEvent(
        "message_delta",
        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
            + "\"usage\":{\"output_tokens\":33}}");

    assertThat(stream.usage())
        .contains(new TokenUsage(1532, 33, 1111, 418, 0, UsageSource.PROVIDER));
  }

  @Test
  void impossibleDeltaRejectsUsage() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(
        "message_start",
        "{\"type\":\"message_start\",\"message\":{\"model\":\"claude-sonnet-4-5\",\"usage\":"
            + "{\"input_tokens\":1200,\"output_tokens\":1}}}");
    stream.onEvent(
        "message_delta",
        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
            + "\"usage\":{\"output_tokens\":-12}}");

    assertThat(stream.usage()).isEmpty();
  }

  @Test
  void impossibleLastChunkRejectsUsage() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(
        null,
        "{\"model\":\"gpt-4o\",\"choices\":[],\"usage\":{\"prompt_tokens\":14,"
            + "\"completion_tokens\":1}}");
    stream.onEvent(
        null,
        "{\"model\":\"gpt-4o\",\"choices\":[],\"usage\":{\"prompt_tokens\":14,"
            + "\"completion_tokens\":-12}}");

    assertThat(stream.usage()).isEmpty();
  }

  @Test
  void streamWithoutEndMarkerIsNotEnded() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(null, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}");

    assertThat(stream.sawEnd()).isFalse();
  }

  @Test
  void secondChoiceTextIsNotMixedIn() {
    StreamAccumulator stream = new StreamAccumulator();

    stream.onEvent(null, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"A\"}}]}");
    stream.onEvent(null, "{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"B\"}}]}");

    assertThat(stream.outputText()).isEqualTo("A");
  }

  private static String firstDataLine(String file) {
    String body = new String(RecordedFixtures.bytes(file), StandardCharsets.UTF_8);
    String line = body.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
    return line.substring("data: ".length());
  }
}
