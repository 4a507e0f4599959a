package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAI output fields other than the message text that reach the client: tool call arguments and
 * refusals, streamed and not, and stream events whose JSON is split over several data lines.
 */
class OutputRedactionFieldsTest {
  @TempDir Path data;
  private RedactingGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = new RedactingGateway(data);
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  private static String toolStart(int index, String id) {
    return RedactingGateway.chunk(
        "{\"tool_calls\":[{\"index\":"
            + index
            + ",\"id\":\""
            + id
            + "\",\"type\":\"function\",\"function\":{\"name\":\"send_mail\",\"arguments\":\"\"}}]}");
  }

  private static String toolPiece(int index, String arguments) throws Exception {
    return RedactingGateway.chunk(
        "{\"tool_calls\":[{\"index\":"
            + index
            + ",\"function\":{\"arguments\":"
            + RedactingGateway.JSON.writeValueAsString(arguments)
            + "}}]}");
  }

  /** Returns the arguments the client got for tool call {@code index}, joined. */
  private static String arguments(String body, int index) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String data : RedactingGateway.events(body)) {
      if (!data.startsWith("{")) {
        continue;
      }
      for (JsonNode call : RedactingGateway.JSON.readTree(data).at("/choices/0/delta/tool_calls")) {
        if (call.path("index").asInt() == index) {
          text.append(call.path("function").path("arguments").asText(""));
        }
      }
    }
    return text.toString();
  }

  private String streamTwoToolCalls() throws Exception {
    gateway.upstream.stream(
        toolStart(0, "call_a")
            + toolPiece(0, "{\"to\":\"ca")
            + toolPiece(0, "rol@exa")
            + toolPiece(0, "mple.com\",\"body\":\"hi\"}")
            + toolStart(1, "call_b")
            + toolPiece(1, "{\"to\":\"dave@exam")
            + toolPiece(1, "ple.com\"}")
            + RedactingGateway.finish("tool_calls")
            + "data: [DONE]\n\n",
        9,
        2);
    return gateway.post(RedactingGateway.chat(true)).body();
  }

  @Test
  void streamedArgumentsAreRedacted() throws Exception {
    String body = streamTwoToolCalls();

    assertThat(arguments(body, 0)).isEqualTo("{\"to\":\"[EMAIL]\",\"body\":\"hi\"}");
  }

  @Test
  void secondToolCallIsRedacted() throws Exception {
    String body = streamTwoToolCalls();

    assertThat(arguments(body, 1)).isEqualTo("{\"to\":\"[EMAIL]\"}");
  }

  @Test
  void toolCallStreamKeepsItsChunks() throws Exception {
    String body = streamTwoToolCalls();

    assertThat(RedactingGateway.events(body)).hasSize(9);
  }

  @Test
  void streamedRefusalIsRedacted() throws Exception {
    gateway.upstream.stream(
        RedactingGateway.chunk("{\"refusal\":\"I will not mail ca\"}")
            + RedactingGateway.chunk("{\"refusal\":\"rol@exa\"}")
            + RedactingGateway.chunk("{\"refusal\":\"mple.com again.\"}")
            + RedactingGateway.finish("stop")
            + "data: [DONE]\n\n",
        5,
        2);

    String body = gateway.post(RedactingGateway.chat(true)).body();

    assertThat(RedactingGateway.joined(body, "/choices/0/delta/refusal"))
        .isEqualTo("I will not mail [EMAIL] again.");
  }

  /** Streams a chunk whose JSON spans two data lines and returns what the client got. */
  private String streamMultiLineData() throws Exception {
    gateway.upstream.stream(
        "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\n"
            + "data: \"delta\":{\"content\":\"mail carol@example.com now\"}}]}\n\n"
            + RedactingGateway.finish("stop")
            + "data: [DONE]\n\n",
        3,
        2);
    return gateway.post(RedactingGateway.chat(true)).body();
  }

  @Test
  void multiLineDataIsRedacted() throws Exception {
    String body = streamMultiLineData();

    assertThat(RedactingGateway.joined(body, "/choices/0/delta/content"))
        .isEqualTo("mail [EMAIL] now");
  }

  @Test
  void multiLineDataLeavesNoValue() throws Exception {
    assertThat(streamMultiLineData()).doesNotContain("carol@");
  }

  private JsonNode completeMessage(String message) throws Exception {
    gateway.upstream.respond(
        200,
        "application/json",
        "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{"
            + "\"index\":0,\"message\":"
            + message
            + ",\"finish_reason\":\"stop\"}]}");
    String body = gateway.post(RedactingGateway.chat(false)).body();
    return RedactingGateway.JSON.readTree(body).at("/choices/0/message");
  }

  @Test
  void bodyArgumentsAreRedacted() throws Exception {
    JsonNode message =
        completeMessage(
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_a\","
                + "\"type\":\"function\",\"function\":{\"name\":\"send_mail\",\"arguments\":"
                + "\"{\\\"to\\\":\\\"carol@example.com\\\",\\\"n\\\":2}\"}}]}");

    JsonNode arguments =
        RedactingGateway.JSON.readTree(message.at("/tool_calls/0/function/arguments").asText());
    assertThat(arguments.path("to").asText()).isEqualTo("[EMAIL]");
  }

  @Test
  void bodyEscapedArgumentsAreRedacted() throws Exception {
    // A model may escape any character: "\\u0063" is 'c' and "\\u0040" is '@' to a JSON parser.
    JsonNode message =
        completeMessage(
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_a\","
                + "\"type\":\"function\",\"function\":{\"name\":\"send_mail\",\"arguments\":"
                + "\"{\\\"to\\\":\\\"\\\\u0063arol\\\\u0040example.com\\\"}\"}}]}");

    JsonNode arguments =
        RedactingGateway.JSON.readTree(message.at("/tool_calls/0/function/arguments").asText());
    assertThat(arguments.path("to").asText()).isEqualTo("[EMAIL]");
  }

  @Test
  void streamedEscapedArgumentsAreRedacted() throws Exception {
    gateway.upstream.stream(
        toolStart(0, "call_a")
            + toolPiece(0, "{\"to\":\"ca")
            + toolPiece(0, "rol\\u00")
            + toolPiece(0, "40example.com\"}")
            + RedactingGateway.finish("tool_calls")
            + "data: [DONE]\n\n",
        6,
        2);
    String body = gateway.post(RedactingGateway.chat(true)).body();

    assertThat(arguments(body, 0)).isEqualTo("{\"to\":\"[EMAIL]\"}");
  }

  @Test
  void errorMessageIsRedacted() throws Exception {
    gateway.upstream.respond(
        400,
        "application/json",
        "{\"error\":{\"message\":\"Invalid recipient carol@example.com\","
            + "\"type\":\"invalid_request_error\"}}");

    String body = gateway.post(RedactingGateway.chat(false)).body();

    assertThat(RedactingGateway.JSON.readTree(body).at("/error/message").asText())
        .isEqualTo("Invalid recipient [EMAIL]");
  }

  @Test
  void errorKeepsItsStatus() throws Exception {
    gateway.upstream.respond(
        400, "application/json", "{\"error\":{\"message\":\"Invalid carol@example.com\"}}");

    assertThat(gateway.post(RedactingGateway.chat(false)).statusCode()).isEqualTo(400);
  }

  @Test
  void bodyRefusalIsRedacted() throws Exception {
    JsonNode message =
        completeMessage(
            "{\"role\":\"assistant\",\"content\":null,"
                + "\"refusal\":\"I will not mail carol@example.com.\"}");

    assertThat(message.path("refusal").asText()).isEqualTo("I will not mail [EMAIL].");
  }

  @Test
  void bodyTranscriptIsRedacted() throws Exception {
    JsonNode message =
        completeMessage(
            "{\"role\":\"assistant\",\"content\":null,\"audio\":{\"id\":\"audio_1\","
                + "\"data\":\"UklGRg==\",\"transcript\":\"Mail carol@example.com now.\"}}");

    assertThat(message.at("/audio/transcript").asText()).isEqualTo("Mail [EMAIL] now.");
  }

  @Test
  void streamedTranscriptIsRedacted() throws Exception {
    gateway.upstream.stream(
        RedactingGateway.chunk("{\"audio\":{\"id\":\"audio_1\",\"transcript\":\"Mail ca\"}}")
            + RedactingGateway.chunk("{\"audio\":{\"transcript\":\"rol@example.com now.\"}}")
            + RedactingGateway.finish("stop")
            + "data: [DONE]\n\n",
        4,
        2);

    String body = gateway.post(RedactingGateway.chat(true)).body();

    assertThat(RedactingGateway.joined(body, "/choices/0/delta/audio/transcript"))
        .isEqualTo("Mail [EMAIL] now.");
  }

  @Test
  void bodyCustomToolInputIsRedacted() throws Exception {
    JsonNode message =
        completeMessage(
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_a\","
                + "\"type\":\"custom\",\"custom\":{\"name\":\"mail\","
                + "\"input\":\"to carol@example.com\"}}]}");

    assertThat(message.at("/tool_calls/0/custom/input").asText()).isEqualTo("to [EMAIL]");
  }
}
