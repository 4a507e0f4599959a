package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Error messages in redacted streams: an error event in the middle of a stream, as OpenAI and
 * Anthropic send one, and a stream sent with an error status. A provider's error message may quote
 * the request or the output, personal data included.
 */
class StreamErrorRedactionTest extends FullCaptureGatewayTest {
  private static final String MESSAGE = "Could not mail carol@example.com";

  private static String openAiError() {
    return "data: {\"error\":{\"message\":\"" + MESSAGE + "\",\"type\":\"server_error\"}}\n\n";
  }

  @Test
  void chatErrorEventIsRedacted() throws Exception {
    gateway.upstream.stream(RedactingGateway.content("Hello") + openAiError(), 2, 1);

    String body = gateway.post(RedactingGateway.chat(true)).body();

    assertThat(RedactingGateway.joined(body, "/error/message")).isEqualTo("Could not mail [EMAIL]");
  }

  @Test
  void anthropicErrorEventIsRedacted() throws Exception {
    gateway.upstream.stream(
        AnthropicEvents.event(
            "error",
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\""
                + MESSAGE
                + "\"}}"),
        1,
        1);

    String body = gateway.postMessages(RedactingGateway.messages(true)).body();

    assertThat(RedactingGateway.joined(body, "/error/message")).isEqualTo("Could not mail [EMAIL]");
  }

  @Test
  void errorStatusStreamIsRedacted() throws Exception {
    gateway.upstream.respond(400, "text/event-stream", openAiError());

    String body = gateway.post(RedactingGateway.chat(true)).body();

    assertThat(body).doesNotContain("carol@");
  }

  @Test
  void errorStatusStreamKeepsStatus() throws Exception {
    gateway.upstream.respond(400, "text/event-stream", openAiError());

    assertThat(gateway.post(RedactingGateway.chat(true)).statusCode()).isEqualTo(400);
  }
}
