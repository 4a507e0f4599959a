package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Anthropic thinking blocks through a redacting gateway, streamed and not. The signature passes
 * unchanged.
 */
class ThinkingRedactionTest extends FullCaptureGatewayTest {
  private static final String REDACTED = "Mail [EMAIL] first, then answer.";
  private static final String SIGNATURE = "EuYDCmMIDBgCKkC05Zda4P+Cdk/LQKE+Aol4ZY3E==";

  private static String thinking(String text) throws Exception {
    return AnthropicEvents.blockDelta(0, "thinking_delta", "thinking", text);
  }

  /** Streams a thinking block with an address split over three deltas, then a text block. */
  private String streamThinking() throws Exception {
    gateway.upstream.stream(
        AnthropicEvents.message(
            AnthropicEvents.blockStart(0, "{\"type\":\"thinking\",\"thinking\":\"\"}")
                + thinking("Mail ca")
                + thinking("rol@exa")
                + thinking("mple.com first, then answer.")
                + AnthropicEvents.blockDelta(0, "signature_delta", "signature", SIGNATURE)
                + AnthropicEvents.blockStop(0)
                + AnthropicEvents.blockStart(1, "{\"type\":\"text\",\"text\":\"\"}")
                + AnthropicEvents.blockDelta(1, "text_delta", "text", "Done.")
                + AnthropicEvents.blockStop(1)),
        8,
        2);
    return gateway.postMessages(RedactingGateway.messages(true)).body();
  }

  @Test
  void streamedThinkingIsRedacted() throws Exception {
    String body = streamThinking();

    assertThat(RedactingGateway.joined(body, "/delta/thinking")).isEqualTo(REDACTED);
  }

  @Test
  void thinkingStreamLeavesNoValue() throws Exception {
    assertThat(streamThinking()).doesNotContain("@");
  }

  @Test
  void signatureIsUnchanged() throws Exception {
    String body = streamThinking();

    assertThat(RedactingGateway.joined(body, "/delta/signature")).isEqualTo(SIGNATURE);
  }

  @Test
  void heldThinkingPrecedesSignature() throws Exception {
    String body = streamThinking();

    assertThat(body.lastIndexOf("thinking_delta")).isLessThan(body.indexOf("signature_delta"));
  }

  @Test
  void thinkingKeepsText() throws Exception {
    String body = streamThinking();

    assertThat(RedactingGateway.joined(body, "/delta/text")).isEqualTo("Done.");
  }

  @Test
  void storedThinkingIsRedacted() throws Exception {
    streamThinking();

    assertThat(gateway.storedResponse().path("reasoning").asText()).isEqualTo(REDACTED);
  }

  @Test
  void recordHasNoValue() throws Exception {
    streamThinking();

    assertThat(gateway.awaitRecord().toString()).doesNotContain("carol");
  }

  /** Replays a recorded thinking stream, which has no value to redact. */
  private String replayFixture() throws Exception {
    String fixture =
        Files.readString(SharedData.path("fixtures/anthropic/messages_stream_thinking.sse"));
    gateway.upstream.stream(fixture, 20, 1);
    return fixture;
  }

  @Test
  void recordedSignatureIsUnchanged() throws Exception {
    String fixture = replayFixture();

    String body = gateway.postMessages(RedactingGateway.messages(true)).body();

    assertThat(RedactingGateway.joined(body, "/delta/signature"))
        .isEqualTo(RedactingGateway.joined(fixture, "/delta/signature"));
  }

  @Test
  void recordedThinkingIsWhole() throws Exception {
    String fixture = replayFixture();

    String body = gateway.postMessages(RedactingGateway.messages(true)).body();

    assertThat(RedactingGateway.joined(body, "/delta/thinking"))
        .isEqualTo(RedactingGateway.joined(fixture, "/delta/thinking"));
  }

  /** Returns the content blocks of a complete response with a thinking block. */
  private JsonNode completeBlocks() throws Exception {
    gateway.upstream.respond(
        200,
        "application/json",
        "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"thinking\","
            + "\"thinking\":\"Mail carol@example.com first, then answer.\",\"signature\":\""
            + SIGNATURE
            + "\"},{\"type\":\"text\",\"text\":\"Done.\"}],\"stop_reason\":\"end_turn\","
            + "\"usage\":{\"input_tokens\":10,\"output_tokens\":20}}");
    String body = gateway.postMessages(RedactingGateway.messages(false)).body();
    return RedactingGateway.JSON.readTree(body).path("content");
  }

  @Test
  void bodyThinkingIsRedacted() throws Exception {
    JsonNode blocks = completeBlocks();

    assertThat(blocks.at("/0/thinking").asText()).isEqualTo(REDACTED);
  }

  @Test
  void bodySignatureIsUnchanged() throws Exception {
    JsonNode blocks = completeBlocks();

    assertThat(blocks.at("/0/signature").asText()).isEqualTo(SIGNATURE);
  }

  @Test
  void storedBodyThinkingIsRedacted() throws Exception {
    completeBlocks();

    assertThat(gateway.storedResponse().at("/content/0/thinking").asText()).isEqualTo(REDACTED);
  }
}
