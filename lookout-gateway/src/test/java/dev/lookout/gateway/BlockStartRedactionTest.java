package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Anthropic streams whose {@code content_block_start} carries the start of the block's text,
 * thinking or tool input, which a client keeps as the block's first part.
 */
class BlockStartRedactionTest extends FullCaptureGatewayTest {
  /** Streams block 0 opened with {@code contentBlock}, then {@code deltas}, then its stop. */
  private String stream(String contentBlock, String deltas) throws Exception {
    gateway.upstream.stream(
        AnthropicEvents.message(
            AnthropicEvents.blockStart(0, contentBlock) + deltas + AnthropicEvents.blockStop(0)),
        4,
        2);
    return gateway.postMessages(RedactingGateway.messages(true)).body();
  }

  private String streamText() throws Exception {
    return stream(
        "{\"type\":\"text\",\"text\":\"Mail carol@exam\"}",
        AnthropicEvents.blockDelta(0, "text_delta", "text", "ple.com now"));
  }

  @Test
  void startTextIsRedacted() throws Exception {
    String body = streamText();

    String text =
        RedactingGateway.joined(body, "/content_block/text")
            + RedactingGateway.joined(body, "/delta/text");
    assertThat(text).isEqualTo("Mail [EMAIL] now");
  }

  @Test
  void startTextLeavesNoValue() throws Exception {
    assertThat(streamText()).doesNotContain("carol@");
  }

  @Test
  void startThinkingIsRedacted() throws Exception {
    String body =
        stream(
            "{\"type\":\"thinking\",\"thinking\":\"Mail carol@example.com now\"}",
            AnthropicEvents.blockDelta(0, "signature_delta", "signature", "c2ln"));

    String thinking =
        RedactingGateway.joined(body, "/content_block/thinking")
            + RedactingGateway.joined(body, "/delta/thinking");
    assertThat(thinking).isEqualTo("Mail [EMAIL] now");
  }

  /** Streams a tool_use block whose start carries its whole input. */
  private String streamInput() throws Exception {
    return stream(
        "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"send_mail\","
            + "\"input\":{\"to\":[{\"address\":\"carol@example.com\"}],\"body\":\"hi\"}}",
        "");
  }

  @Test
  void startInputIsRedacted() throws Exception {
    JsonNode start = startEvent(streamInput());

    assertThat(start.at("/content_block/input/to/0/address").asText()).isEqualTo("[EMAIL]");
  }

  @Test
  void startInputKeepsOtherValues() throws Exception {
    JsonNode start = startEvent(streamInput());

    assertThat(start.at("/content_block/input/body").asText()).isEqualTo("hi");
  }

  private static JsonNode startEvent(String body) throws Exception {
    for (String data : RedactingGateway.events(body)) {
      JsonNode event = RedactingGateway.JSON.readTree(data);
      if (event.path("type").asText().equals("content_block_start")) {
        return event;
      }
    }
    throw new AssertionError("no content_block_start in " + body);
  }
}
