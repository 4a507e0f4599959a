package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The lines of stream events other than their data, through a redacting gateway: each {@code id}
 * and {@code event} field and each comment is checked whole, also when the network splits it, and
 * redacted in place.
 */
class SseFieldRedactionTest extends FullCaptureGatewayTest {
  private static final String ROLE = "{\"role\":\"assistant\"}";

  /** Streams {@code lines} before the data of a chat chunk, in 24 pieces so the lines split. */
  private String sendWith(String lines) throws Exception {
    String role = RedactingGateway.chunk(ROLE);
    gateway.upstream.stream(
        lines
            + role
            + RedactingGateway.content("Hello.")
            + RedactingGateway.finish("stop")
            + "data: [DONE]\n\n",
        24,
        1);
    return gateway.post(RedactingGateway.chat(true)).body();
  }

  @Test
  void idIsRedacted() throws Exception {
    String body = sendWith("id: carol@example.com\n");

    assertThat(body).contains("id: [EMAIL]\ndata: ");
  }

  @Test
  void eventNameIsRedacted() throws Exception {
    String body = sendWith("event: carol@example.com\n");

    assertThat(body).contains("event: [EMAIL]\ndata: ");
  }

  @Test
  void commentBeforeDataIsRedacted() throws Exception {
    String body = sendWith(": for carol@example.com\n");

    assertThat(body).contains(": for [EMAIL]\ndata: ");
  }

  @Test
  void fieldStreamLeavesNoValue() throws Exception {
    assertThat(sendWith("id: 7 carol@example.com\nevent: carol@example.com\n")).doesNotContain("@");
  }

  @Test
  void redactedFieldKeepsData() throws Exception {
    String body = sendWith("id: carol@example.com\n");

    assertThat(RedactingGateway.joined(body, "/choices/0/delta/content")).isEqualTo("Hello.");
  }

  @Test
  void plainFieldsAreKept() throws Exception {
    String body = sendWith("id: 42\nevent: chunk\n");

    assertThat(body).contains("id: 42\nevent: chunk\ndata: ");
  }

  @Test
  void recordListsFieldRedaction() throws Exception {
    sendWith("id: carol@example.com\n");

    assertThat(gateway.awaitRecord().guardActions()).contains("pii:EMAIL");
  }

  @Test
  void storedFieldStreamHasNoValue() throws Exception {
    sendWith("id: carol@example.com\n");

    assertThat(gateway.storedResponse().toString()).doesNotContain("carol");
  }

  @Test
  void anthropicEventIdIsRedacted() throws Exception {
    gateway.upstream.stream(
        "id: carol@example.com\n"
            + AnthropicEvents.message(
                AnthropicEvents.blockStart(0, "{\"type\":\"text\",\"text\":\"\"}")
                    + AnthropicEvents.blockDelta(0, "text_delta", "text", "Hello.")
                    + AnthropicEvents.blockStop(0)),
        24,
        1);

    String body = gateway.postMessages(RedactingGateway.messages(true)).body();

    assertThat(body).startsWith("id: [EMAIL]\nevent: message_start\n");
  }
}
