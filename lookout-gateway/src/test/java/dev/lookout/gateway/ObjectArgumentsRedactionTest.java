package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Tool and function call arguments that a provider sends as a JSON object rather than the usual
 * string, through a redacting gateway: their string values are redacted and they stay objects.
 */
class ObjectArgumentsRedactionTest extends FullCaptureGatewayTest {
  private static final String ARGUMENTS = "{\"to\":\"carol@example.com\",\"retries\":2}";

  /** Returns the message of a complete response whose calls carry object arguments. */
  private JsonNode completeMessage() throws Exception {
    gateway.upstream.respond(
        200,
        "application/json",
        "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":"
            + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
            + "\"tool_calls\":[{\"id\":\"call_a\",\"type\":\"function\",\"function\":"
            + "{\"name\":\"send\",\"arguments\":"
            + ARGUMENTS
            + "}}],\"function_call\":{\"name\":\"send\",\"arguments\":"
            + ARGUMENTS
            + "}},\"finish_reason\":\"tool_calls\"}]}");
    String body = gateway.post(RedactingGateway.chat(false)).body();
    return RedactingGateway.JSON.readTree(body).at("/choices/0/message");
  }

  @Test
  void toolArgumentsAreRedacted() throws Exception {
    JsonNode arguments = completeMessage().at("/tool_calls/0/function/arguments");

    assertThat(arguments.path("to").asText()).isEqualTo("[EMAIL]");
  }

  @Test
  void toolArgumentsStayObject() throws Exception {
    JsonNode arguments = completeMessage().at("/tool_calls/0/function/arguments");

    assertThat(arguments.isObject()).isTrue();
  }

  @Test
  void toolArgumentsKeepNumbers() throws Exception {
    JsonNode arguments = completeMessage().at("/tool_calls/0/function/arguments");

    assertThat(arguments.path("retries").asInt()).isEqualTo(2);
  }

  @Test
  void functionCallArgumentsAreRedacted() throws Exception {
    JsonNode arguments = completeMessage().at("/function_call/arguments");

    assertThat(arguments.path("to").asText()).isEqualTo("[EMAIL]");
  }

  @Test
  void storedArgumentsAreRedacted() throws Exception {
    completeMessage();

    assertThat(
            gateway
                .storedResponse()
                .at("/choices/0/message/tool_calls/0/function/arguments/to")
                .asText())
        .isEqualTo("[EMAIL]");
  }

  /** Streams one tool call whose arguments come as an object in one chunk. */
  private String streamArguments() throws Exception {
    gateway.upstream.stream(
        RedactingGateway.chunk(
                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"send\",\"arguments\":"
                    + ARGUMENTS
                    + "}}]}")
            + RedactingGateway.finish("tool_calls")
            + "data: [DONE]\n\n",
        3,
        1);
    return gateway.post(RedactingGateway.chat(true)).body();
  }

  @Test
  void streamedArgumentsAreRedacted() throws Exception {
    String body = streamArguments();

    JsonNode chunk = RedactingGateway.JSON.readTree(RedactingGateway.events(body).get(0));
    assertThat(chunk.at("/choices/0/delta/tool_calls/0/function/arguments/to").asText())
        .isEqualTo("[EMAIL]");
  }

  @Test
  void argumentsStreamLeavesNoValue() throws Exception {
    assertThat(streamArguments()).doesNotContain("@");
  }

  @Test
  void storedArgumentsStreamHasNoValue() throws Exception {
    streamArguments();

    assertThat(gateway.storedResponse().toString()).doesNotContain("carol");
  }
}
