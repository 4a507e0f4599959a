package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Request bodies the gateway must reject before they go upstream: compressed bodies, bytes that are
 * not UTF-8, and {@code messages} that is not an array of objects.
 */
class RequestBodyChecksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHAT =
      "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(
      GatewayHarness harness, String path, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(harness.url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode error(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("error");
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static void respondWithChat(GatewayHarness harness) throws Exception {
    harness.upstream.respond(
        200,
        "application/json",
        Files.readString(SharedData.path("fixtures/openai/chat_basic.json")));
  }

  @Test
  void gzipBodyIs415() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      respondWithChat(harness);

      HttpResponse<String> response =
          post(harness, "/v1/chat/completions", gzip(CHAT), "content-encoding", "gzip");
      CallRecord record = harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(415);
      assertThat(error(response).path("code").asText()).isEqualTo("unsupported_content_encoding");
      assertThat(error(response).path("type").asText()).isEqualTo("invalid_request_error");
      assertThat(error(response).path("message").asText())
          .contains("Content-Encoding is 'gzip'")
          .contains("send the body uncompressed");
      assertThat(record.status()).isEqualTo(CallStatus.ERROR);
      assertThat(record.httpStatus()).isEqualTo(415);
      assertThat(record.errorType()).isEqualTo("unsupported_content_encoding");
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void plainBodyLabelledGzipIs415() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      respondWithChat(harness);

      HttpResponse<String> response =
          post(
              harness,
              "/v1/chat/completions",
              CHAT.getBytes(StandardCharsets.UTF_8),
              "content-encoding",
              "gzip");
      harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(415);
      assertThat(error(response).path("code").asText()).isEqualTo("unsupported_content_encoding");
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void otherCodingsAre415() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      respondWithChat(harness);
      String[] codings = {"deflate", "br", "x-gzip", "gzip, identity", "zstd"};

      for (int i = 0; i < codings.length; i++) {
        HttpResponse<String> response =
            post(
                harness,
                "/v1/chat/completions",
                CHAT.getBytes(StandardCharsets.UTF_8),
                "content-encoding",
                codings[i]);
        harness.awaitRecord(i + 1);

        assertThat(response.statusCode()).as(codings[i]).isEqualTo(415);
        assertThat(error(response).path("message").asText())
            .as(codings[i])
            .contains("'" + codings[i] + "'");
      }
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void gzipOnMessagesRouteIs415InAnthropicShape() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      String body =
          "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,"
              + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

      HttpResponse<String> response =
          post(harness, "/v1/messages", gzip(body), "content-encoding", "gzip");

      assertThat(response.statusCode()).isEqualTo(415);
      assertThat(JSON.readTree(response.body()).path("type").asText()).isEqualTo("error");
      assertThat(error(response).path("type").asText()).isEqualTo("unsupported_content_encoding");
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void identityEncodingIsForwarded() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      respondWithChat(harness);

      HttpResponse<String> response =
          post(
              harness,
              "/v1/chat/completions",
              CHAT.getBytes(StandardCharsets.UTF_8),
              "content-encoding",
              "identity");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(harness.upstream.requests()).isEqualTo(1);
    }
  }

  @Test
  void utf16ByteOrderMarkIs400() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      respondWithChat(harness);
      byte[] body = {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0};

      HttpResponse<String> response = post(harness, "/v1/chat/completions", body);
      CallRecord record = harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(error(response).path("code").asText()).isEqualTo("invalid_json");
      assertThat(error(response).path("message").asText())
          .contains("not valid UTF-8")
          .contains("ff")
          .contains("byte offset 0");
      assertThat(record.errorType()).isEqualTo("invalid_json");
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void overlongSequenceIs400() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      respondWithChat(harness);
      String prefix = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"a";
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.write(prefix.getBytes(StandardCharsets.UTF_8));
      body.write(new byte[] {(byte) 0xC0, (byte) 0x80});
      body.write("\"}]}".getBytes(StandardCharsets.UTF_8));

      HttpResponse<String> response = post(harness, "/v1/chat/completions", body.toByteArray());
      harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(error(response).path("code").asText()).isEqualTo("invalid_json");
      assertThat(error(response).path("message").asText())
          .contains("c0")
          .contains("byte offset " + prefix.length());
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void messagesAsStringIs400() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      respondWithChat(harness);

      HttpResponse<String> response =
          harness.post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":\"Hi\"}");
      CallRecord record = harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(error(response).path("code").asText()).isEqualTo("invalid_request");
      assertThat(error(response).path("message").asText())
          .contains("\"messages\" must be an array of objects, got a string")
          .contains("[{\"role\": \"user\"");
      assertThat(record.status()).isEqualTo(CallStatus.ERROR);
      assertThat(record.errorType()).isEqualTo("invalid_request");
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void messagesOfStringsIs400() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      respondWithChat(harness);

      HttpResponse<String> response =
          harness.post(
              "/v1/chat/completions",
              "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"},\"b\"]}");

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(error(response).path("code").asText()).isEqualTo("invalid_request");
      assertThat(error(response).path("message").asText()).contains("element 1 is a string");
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void messagesNullIs400() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      HttpResponse<String> response =
          harness.post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":null}");

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(error(response).path("message").asText()).contains("got null");
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void anthropicMessagesOfStringsIs400() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      HttpResponse<String> response =
          harness.post(
              "/v1/messages",
              "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,\"messages\":[\"Hi\"]}");
      CallRecord record = harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(error(response).path("type").asText()).isEqualTo("invalid_request");
      assertThat(error(response).path("message").asText()).contains("element 0 is a string");
      assertThat(record.errorType()).isEqualTo("invalid_request");
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void completionPromptIsNotCheckedAsMessages() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.respond(
          200,
          "application/json",
          "{\"id\":\"c\",\"object\":\"text_completion\",\"model\":\"gpt-3.5-turbo-instruct\","
              + "\"choices\":[{\"index\":0,\"text\":\"ok\",\"finish_reason\":\"stop\"}],"
              + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}");

      HttpResponse<String> response =
          harness.post(
              "/v1/completions",
              "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"Hi\",\"messages\":\"x\"}");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(harness.upstream.requests()).isEqualTo(1);
    }
  }
}
