package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Admission by {@code max_buffered_body_bytes}: request body bytes held in memory at once. */
class BodyBudgetTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BUDGET = 4096;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Returns a chat request body of exactly {@code bytes} bytes. */
  private static String chatOfSize(int bytes) {
    String head = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"";
    String tail = "\"}]}";
    return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
  }

  private static JsonNode error(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("error");
  }

  /** Makes the upstream hold each request until {@link #releaseHeld} responds to it. */
  private final AtomicReference<HttpServerRequest> heldRequest = new AtomicReference<>();

  private void holdRequests(GatewayHarness harness) {
    harness.upstream.handler((request, body) -> heldRequest.set(request));
  }

  private void releaseHeld() throws Exception {
    String chat = Files.readString(SharedData.path("fixtures/openai/chat_basic.json"));
    heldRequest.get().response().putHeader("content-type", "application/json").end(chat);
  }

  private CompletableFuture<HttpResponse<String>> postAsync(GatewayHarness harness, String body) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return harness.post("/v1/chat/completions", body);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static void awaitUpstreamRequests(GatewayHarness harness, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (harness.upstream.requests() < count && System.nanoTime() - deadline < 0) {
      Thread.sleep(5);
    }
    assertThat(harness.upstream.requests()).isEqualTo(count);
  }

  @Test
  void bodyOverSpentBudgetIs503() throws Exception {
    try (GatewayHarness harness =
        new GatewayHarness(s -> s.withMaxBufferedBodyBytes(BUDGET).withMaxBodyBytes(BUDGET))) {
      holdRequests(harness);
      CompletableFuture<HttpResponse<String>> first = postAsync(harness, chatOfSize(3000));
      awaitUpstreamRequests(harness, 1);

      HttpResponse<String> second = harness.post("/v1/chat/completions", chatOfSize(3000));
      CallRecord record = harness.awaitRecord(1);

      assertThat(second.statusCode()).isEqualTo(503);
      assertThat(error(second).path("code").asText()).isEqualTo("gateway_busy");
      assertThat(error(second).path("type").asText()).isEqualTo("api_error");
      assertThat(error(second).path("message").asText())
          .contains("holds 3000 bytes")
          .contains("3000 bytes would pass")
          .contains("max_buffered_body_bytes 4096");
      assertThat(second.headers().firstValue("retry-after")).hasValue("2");
      assertThat(record.status()).isEqualTo(CallStatus.ERROR);
      assertThat(record.httpStatus()).isEqualTo(503);
      assertThat(record.errorType()).isEqualTo("gateway_busy");
      assertThat(harness.upstream.requests()).isEqualTo(1);

      releaseHeld();
      assertThat(first.get().statusCode()).isEqualTo(200);
      harness.awaitRecord(2);
      harness.upstream.respond(
          200,
          "application/json",
          Files.readString(SharedData.path("fixtures/openai/chat_basic.json")));
      HttpResponse<String> third = harness.post("/v1/chat/completions", chatOfSize(3000));

      assertThat(third.statusCode()).isEqualTo(200);
      assertThat(harness.gateway.inFlight()).isZero();
    }
  }

  @Test
  void chunkedBodyOverSpentBudgetIs503() throws Exception {
    try (GatewayHarness harness =
        new GatewayHarness(s -> s.withMaxBufferedBodyBytes(BUDGET).withMaxBodyBytes(BUDGET))) {
      holdRequests(harness);
      CompletableFuture<HttpResponse<String>> first = postAsync(harness, chatOfSize(3000));
      awaitUpstreamRequests(harness, 1);
      byte[] body = chatOfSize(2000).getBytes(StandardCharsets.UTF_8);

      // A body of unknown length goes chunked, without Content-Length.
      HttpResponse<String> second =
          http.send(
              HttpRequest.newBuilder(URI.create(harness.url() + "/v1/chat/completions"))
                  .timeout(Duration.ofSeconds(30))
                  .header("content-type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new ByteArrayInputStream(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      CallRecord record = harness.awaitRecord(1);

      assertThat(second.statusCode()).isEqualTo(503);
      assertThat(error(second).path("code").asText()).isEqualTo("gateway_busy");
      assertThat(record.errorType()).isEqualTo("gateway_busy");

      releaseHeld();
      assertThat(first.get().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void bodyOverWholeBudgetIs413() throws Exception {
    try (GatewayHarness harness = new GatewayHarness(s -> s.withMaxBufferedBodyBytes(BUDGET))) {
      HttpResponse<String> response = harness.post("/v1/chat/completions", chatOfSize(5000));
      CallRecord record = harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(error(response).path("code").asText()).isEqualTo("request_too_large");
      assertThat(error(response).path("message").asText()).contains("max_buffered_body_bytes");
      assertThat(record.httpStatus()).isEqualTo(413);
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void rejectedBodiesReleaseBudget() throws Exception {
    try (GatewayHarness harness =
        new GatewayHarness(s -> s.withMaxBufferedBodyBytes(BUDGET).withMaxBodyBytes(BUDGET))) {
      harness.upstream.respond(
          200,
          "application/json",
          Files.readString(SharedData.path("fixtures/openai/chat_basic.json")));
      String invalid = "{" + " ".repeat(2998) + "x";

      for (int i = 0; i < 3; i++) {
        assertThat(harness.post("/v1/chat/completions", invalid).statusCode()).isEqualTo(400);
      }
      HttpResponse<String> valid = harness.post("/v1/chat/completions", chatOfSize(3000));

      assertThat(valid.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void defaultBudgetIsEighthOfHeap() {
    assertThat(GatewaySettings.defaults().maxBufferedBodyBytes())
        .isEqualTo(Runtime.getRuntime().maxMemory() / 8);
  }

  /** Opens a connection that declares a body of {@code declared} bytes and sends its first byte. */
  private static java.net.Socket stalledUpload(GatewayHarness harness, int declared)
      throws Exception {
    java.net.Socket socket = new java.net.Socket("127.0.0.1", harness.gateway.port());
    String head =
        "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: "
            + declared
            + "\r\n\r\n{";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  @Test
  void stalledUploadHoldsNoBudget() throws Exception {
    try (GatewayHarness harness =
            new GatewayHarness(s -> s.withMaxBufferedBodyBytes(BUDGET).withMaxBodyBytes(BUDGET));
        java.net.Socket stalled = stalledUpload(harness, 4000)) {
      harness.upstream.respond(
          200,
          "application/json",
          Files.readString(SharedData.path("fixtures/openai/chat_basic.json")));

      HttpResponse<String> response = harness.post("/v1/chat/completions", chatOfSize(3000));

      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void stalledUploadIsCutWith408() throws Exception {
    try (GatewayHarness harness =
            new GatewayHarness(
                s ->
                    s.withMaxBufferedBodyBytes(BUDGET)
                        .withMaxBodyBytes(BUDGET)
                        .withUpstreamTimeout(Duration.ofMillis(300)));
        java.net.Socket stalled = stalledUpload(harness, 4000)) {
      stalled.setSoTimeout(10_000);
      String reply =
          new String(stalled.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      CallRecord record = harness.awaitRecord(1);

      assertThat(reply).startsWith("HTTP/1.1 408");
      assertThat(reply).contains("request_body_timeout");
      assertThat(record.errorType()).isEqualTo("request_body_timeout");
      assertThat(harness.upstream.requests()).isZero();
      assertThat(harness.gateway.inFlight()).isZero();
    }
  }
}
