package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.Test;

/**
 * Anthropic tool input through a redacting gateway: {@code input_json_delta} fragments in a stream,
 * whose concatenation must stay valid JSON, and the {@code input} object of a complete response.
 */
class ToolInputRedactionTest extends FullCaptureGatewayTest {
  private static final String REDACTED = "{\"to\": \"[EMAIL]\", \"body\": \"hi\"}";

  private static String inputPiece(String json) throws Exception {
    return AnthropicEvents.blockDelta(0, "input_json_delta", "partial_json", json);
  }

  /** Streams a tool_use block whose input arrives in {@code pieces}. */
  private String streamInput(String... pieces) throws Exception {
    StringBuilder deltas = new StringBuilder(inputPiece(""));
    for (String piece : pieces) {
      deltas.append(inputPiece(piece));
    }
    gateway.upstream.stream(
        AnthropicEvents.message(
            AnthropicEvents.blockStart(
                    0,
                    "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"send_mail\",\"input\":{}}")
                + deltas
                + AnthropicEvents.blockStop(0)),
        8,
        2);
    return gateway.postMessages(RedactingGateway.messages(true)).body();
  }

  private String streamSplitAddress() throws Exception {
    return streamInput("{\"to\": \"ca", "rol@exa", "mple.com\", \"bo", "dy\": \"hi\"}");
  }

  @Test
  void streamedInputIsRedacted() throws Exception {
    String body = streamSplitAddress();

    assertThat(RedactingGateway.joined(body, "/delta/partial_json")).isEqualTo(REDACTED);
  }

  @Test
  void streamedInputStaysJson() throws Exception {
    String body = streamSplitAddress();

    JsonNode input =
        RedactingGateway.JSON.readTree(RedactingGateway.joined(body, "/delta/partial_json"));
    assertThat(input.path("body").asText()).isEqualTo("hi");
  }

  @Test
  void inputStreamLeavesNoValue() throws Exception {
    assertThat(streamSplitAddress()).doesNotContain("@");
  }

  @Test
  void escapedInputIsRedacted() throws Exception {
    // "\\u0040" is '@' to a JSON parser, split across two fragments.
    String body = streamInput("{\"to\":\"ca", "rol\\u00", "40example.com\"}");

    assertThat(RedactingGateway.joined(body, "/delta/partial_json"))
        .isEqualTo("{\"to\":\"[EMAIL]\"}");
  }

  @Test
  void storedInputIsRedacted() throws Exception {
    streamSplitAddress();

    assertThat(gateway.storedResponse().at("/tool_calls/0/arguments").asText()).isEqualTo(REDACTED);
  }

  @Test
  void recordHasNoValue() throws Exception {
    streamSplitAddress();

    assertThat(gateway.awaitRecord().toString()).doesNotContain("carol");
  }

  /** Returns the content blocks of a complete response with a tool_use block. */
  private JsonNode completeBlocks() throws Exception {
    gateway.upstream.respond(
        200,
        "application/json",
        "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"tool_use\","
            + "\"id\":\"toolu_1\",\"name\":\"send_mail\",\"input\":{\"to\":\"carol@example.com\","
            + "\"copies\":2,\"cc\":[\"dave@example.com\"]}}],\"stop_reason\":\"tool_use\","
            + "\"usage\":{\"input_tokens\":10,\"output_tokens\":20}}");
    String body = gateway.postMessages(RedactingGateway.messages(false)).body();
    return RedactingGateway.JSON.readTree(body).path("content");
  }

  @Test
  void bodyInputIsRedacted() throws Exception {
    JsonNode blocks = completeBlocks();

    assertThat(blocks.at("/0/input/to").asText()).isEqualTo("[EMAIL]");
  }

  @Test
  void bodyNestedInputIsRedacted() throws Exception {
    JsonNode blocks = completeBlocks();

    assertThat(blocks.at("/0/input/cc/0").asText()).isEqualTo("[EMAIL]");
  }

  @Test
  void bodyInputKeepsNumbers() throws Exception {
    JsonNode blocks = completeBlocks();

    assertThat(blocks.at("/0/input/copies")).isEqualTo(IntNode.valueOf(2));
  }

  @Test
  void storedBodyInputIsRedacted() throws Exception {
    completeBlocks();

    assertThat(gateway.storedResponse().at("/content/0/input/to").asText()).isEqualTo("[EMAIL]");
  }
}
