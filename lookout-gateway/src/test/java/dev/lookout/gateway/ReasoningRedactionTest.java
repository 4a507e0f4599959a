package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The reasoning fields of OpenAI-compatible providers, {@code reasoning_content} (DeepSeek, vLLM)
 * and {@code reasoning} (OpenRouter, Groq), through a redacting gateway, streamed and not.
 */
class ReasoningRedactionTest extends FullCaptureGatewayTest {
  private static final String REDACTED = "Mail [EMAIL] first, then answer.";

  private static String reasoning(String field, String text) throws Exception {
    return RedactingGateway.chunk(
        "{\"" + field + "\":" + RedactingGateway.JSON.writeValueAsString(text) + "}");
  }

  /** Streams reasoning in {@code field} with an address split over three chunks. */
  private String streamReasoning(String field) throws Exception {
    gateway.upstream.stream(
        reasoning(field, "Mail ca")
            + reasoning(field, "rol@exa")
            + reasoning(field, "mple.com first, then answer.")
            + RedactingGateway.content("Done.")
            + RedactingGateway.finish("stop")
            + "data: [DONE]\n\n",
        6,
        2);
    return gateway.post(RedactingGateway.chat(true)).body();
  }

  @Test
  void reasoningContentIsRedacted() throws Exception {
    String body = streamReasoning("reasoning_content");

    assertThat(RedactingGateway.joined(body, "/choices/0/delta/reasoning_content"))
        .isEqualTo(REDACTED);
  }

  @Test
  void reasoningIsRedacted() throws Exception {
    String body = streamReasoning("reasoning");

    assertThat(RedactingGateway.joined(body, "/choices/0/delta/reasoning")).isEqualTo(REDACTED);
  }

  @Test
  void reasoningStreamLeavesNoValue() throws Exception {
    assertThat(streamReasoning("reasoning_content")).doesNotContain("@");
  }

  @Test
  void reasoningKeepsContent() throws Exception {
    String body = streamReasoning("reasoning_content");

    assertThat(RedactingGateway.joined(body, "/choices/0/delta/content")).isEqualTo("Done.");
  }

  @Test
  void storedReasoningIsRedacted() throws Exception {
    streamReasoning("reasoning_content");

    assertThat(gateway.storedResponse().path("reasoning").asText()).isEqualTo(REDACTED);
  }

  @Test
  void recordListsRedaction() throws Exception {
    streamReasoning("reasoning");

    assertThat(gateway.awaitRecord().guardActions()).contains("pii:EMAIL");
  }

  @Test
  void recordHasNoValue() throws Exception {
    streamReasoning("reasoning");

    assertThat(gateway.awaitRecord().toString()).doesNotContain("carol");
  }

  /** Returns the message of a complete response whose message has {@code field} set. */
  private JsonNode completeMessage(String field) throws Exception {
    gateway.upstream.respond(
        200,
        "application/json",
        "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"deepseek-reasoner\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Done.\",\""
            + field
            + "\":\"Mail carol@example.com first, then answer.\"},\"finish_reason\":\"stop\"}]}");
    String body = gateway.post(RedactingGateway.chat(false)).body();
    return RedactingGateway.JSON.readTree(body).at("/choices/0/message");
  }

  @Test
  void bodyReasoningContentIsRedacted() throws Exception {
    JsonNode message = completeMessage("reasoning_content");

    assertThat(message.path("reasoning_content").asText()).isEqualTo(REDACTED);
  }

  @Test
  void bodyReasoningIsRedacted() throws Exception {
    JsonNode message = completeMessage("reasoning");

    assertThat(message.path("reasoning").asText()).isEqualTo(REDACTED);
  }

  @Test
  void storedBodyReasoningIsRedacted() throws Exception {
    completeMessage("reasoning_content");

    assertThat(gateway.storedResponse().at("/choices/0/message/reasoning_content").asText())
        .isEqualTo(REDACTED);
  }
}
