package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every error the gateway raises itself: status, OpenAI-style body and the record. */
class ProxyErrorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHAT =
      "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  private static String code(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("error").path("code").asText();
  }

  @Test
  void malformedJsonIs400() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      HttpResponse<String> response = harness.post("/v1/chat/completions", "{not json");
      CallRecord record = harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(code(response)).isEqualTo("invalid_json");
      assertThat(record.status()).isEqualTo(CallStatus.ERROR);
      assertThat(record.errorType()).isEqualTo("invalid_json");
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void missingModelIs400() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      HttpResponse<String> response = harness.post("/v1/chat/completions", "{\"messages\":[]}");
      CallRecord record = harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(code(response)).isEqualTo("missing_model");
      assertThat(JSON.readTree(response.body()).path("error").path("message").asText())
          .contains("\"model\"");
      assertThat(record.httpStatus()).isEqualTo(400);
    }
  }

  @Test
  void errorCarriesRequestId() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      HttpResponse<String> response = harness.post("/v1/chat/completions", "[]");
      CallRecord record = harness.awaitRecord(1);

      assertThat(response.headers().firstValue("x-lookout-request-id"))
          .hasValue(record.requestId());
    }
  }

  @Test
  void oversizedBodyIs413() throws Exception {
    try (GatewayHarness harness = new GatewayHarness(s -> s.withMaxBodyBytes(1024))) {
      String big =
          "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\""
              + "x".repeat(4096)
              + "\"}]}";
      HttpResponse<String> response = harness.post("/v1/chat/completions", big);
      CallRecord record = harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(code(response)).isEqualTo("request_too_large");
      assertThat(record.httpStatus()).isEqualTo(413);
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void unreachableUpstreamIs502() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (GatewayHarness harness =
        new GatewayHarness(s -> s.withUpstream(URI.create("http://127.0.0.1:" + closedPort)))) {
      HttpResponse<String> response = harness.post("/v1/chat/completions", CHAT);
      CallRecord record = harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(502);
      assertThat(code(response)).isEqualTo("upstream_unreachable");
      assertThat(record.status()).isEqualTo(CallStatus.ERROR);
      assertThat(record.errorType()).isEqualTo("upstream_unreachable");
    }
  }

  @Test
  void slowUpstreamIs504() throws Exception {
    try (GatewayHarness harness =
        new GatewayHarness(s -> s.withUpstreamTimeout(Duration.ofMillis(300)))) {
      harness.upstream.handler((request, body) -> {});
      HttpResponse<String> response = harness.post("/v1/chat/completions", CHAT);
      CallRecord record = harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(504);
      assertThat(code(response)).isEqualTo("upstream_timeout");
      assertThat(record.status()).isEqualTo(CallStatus.TIMEOUT);
    }
  }

  @Test
  void unknownRouteIs404() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      HttpResponse<String> response = harness.get("/v1/unknown");

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(code(response)).isEqualTo("unknown_url");
    }
  }

  @Test
  void lookoutHeadersStayAtGateway() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.respond(
          200,
          "application/json",
          Files.readString(SharedData.path("fixtures/openai/chat_basic.json")));
      harness.post(
          "/v1/chat/completions",
          CHAT,
          "x-lookout-user",
          "bob",
          "x-lookout-template",
          "greeting",
          "x-lookout-template-version",
          "3",
          "x-lookout-metadata",
          "{\"team\":\"search\"}");
      CallRecord record = harness.awaitRecord(1);

      assertThat(harness.upstream.lastHeaders().names())
          .noneMatch(name -> name.toLowerCase().startsWith("x-lookout-"));
      assertThat(record.userId()).isEqualTo("bob");
      assertThat(record.promptTemplate()).isEqualTo("greeting");
      assertThat(record.templateVersion()).isEqualTo("3");
      assertThat(record.metadata()).containsEntry("team", "search");
    }
  }

  @Test
  void invalidMetadataHeaderIs400() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      HttpResponse<String> response =
          harness.post("/v1/chat/completions", CHAT, "x-lookout-metadata", "[1,2]");

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(code(response)).isEqualTo("invalid_header");
    }
  }

  @Test
  void callOverInFlightLimitIsShed() throws Exception {
    try (GatewayHarness harness = new GatewayHarness(s -> s.withMaxInFlight(1))) {
      // The first call streams for about a second, so it is in flight when the second arrives.
      harness.upstream.stream(
          "data: {\"id\":\"c1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
              + "\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\n\n"
              + "data: [DONE]\n\n",
          10,
          100);
      java.util.concurrent.CompletableFuture<HttpResponse<String>> first =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return harness.post(
                      "/v1/chat/completions",
                      "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[]}");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (harness.upstream.requests() < 1 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }

      HttpResponse<String> second = harness.post("/v1/chat/completions", CHAT);

      assertThat(code(second)).isEqualTo("gateway_overloaded");
      assertThat(first.join().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void overlongResponseModelIsCut() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.respond(
          200,
          "application/json",
          "{\"id\":\"c1\",\"model\":\""
              + "r".repeat(1000)
              + "\",\"choices\":[],"
              + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}");
      harness.post("/v1/chat/completions", CHAT);
      CallRecord record = harness.awaitRecord(1);

      assertThat(record.responseModel()).hasSize(256);
    }
  }

  @Test
  void overlongModelIsRejected() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      HttpResponse<String> response =
          harness.post(
              "/v1/chat/completions", "{\"model\":\"" + "m".repeat(300) + "\",\"messages\":[]}");

      assertThat(code(response)).isEqualTo("invalid_model");
    }
  }

  @Test
  void modelWithLineBreakIsRejected() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      HttpResponse<String> response =
          harness.post("/v1/chat/completions", "{\"model\":\"gpt-4o\\nx\",\"messages\":[]}");

      assertThat(response.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void chatStreamWithoutEndIsError() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.stream(
          "data: {\"id\":\"c1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
              + "\"delta\":{\"content\":\"Hel\"}}]}\n\n",
          2,
          5);
      harness.post(
          "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[]}");
      CallRecord record = harness.awaitRecord(1);

      assertThat(record.errorType()).isEqualTo("stream_error");
    }
  }

  @Test
  void chatStreamWithFinishReasonIsSuccess() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.stream(
          "data: {\"id\":\"c1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
              + "\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\n\n",
          2,
          5);
      harness.post(
          "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[]}");
      CallRecord record = harness.awaitRecord(1);

      assertThat(record.status()).isEqualTo(CallStatus.SUCCESS);
    }
  }

  @Test
  void errorInsideStreamIsRecorded() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.stream(
          "data: {\"id\":\"c1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
              + "\"delta\":{\"content\":\"Hel\"}}]}\n\n"
              + "data: {\"error\":{\"message\":\"The server had an error\","
              + "\"type\":\"server_error\"}}\n\n",
          2,
          5);
      HttpResponse<String> response =
          harness.post(
              "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[]}");
      CallRecord record = harness.awaitRecord(1);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(record.status()).isEqualTo(CallStatus.ERROR);
      assertThat(record.errorType()).isEqualTo("stream_error");
    }
  }

  @Test
  void clientDisconnectIsCancelled() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      StringBuilder sse = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        sse.append("data: {\"id\":\"c1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,")
            .append("\"delta\":{\"content\":\"word \"}}]}\n\n");
      }
      harness.upstream.stream(sse.toString(), 200, 20);
      String body =
          "{\"model\":\"gpt-4o\",\"stream\":true,"
              + "\"messages\":[{\"role\":\"user\",\"content\":\"Tell me a long story\"}]}";
      try (Socket socket = new Socket("127.0.0.1", harness.gateway.port())) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length
                    + "\r\n\r\n"
                    + body)
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        String seen = "";
        byte[] buffer = new byte[4096];
        while (!seen.contains("word")) {
          int read = in.read(buffer);
          assertThat(read).isPositive();
          seen += new String(buffer, 0, read, StandardCharsets.UTF_8);
        }
      }
      CallRecord record = harness.awaitRecord(1);

      assertThat(record.status()).isEqualTo(CallStatus.CANCELLED);
      assertThat(record.inputTokens()).isPositive();
      assertThat(record.outputTokens()).isPositive();
      assertThat(record.outputTokens()).isLessThan(400L);
    }
  }

  @Test
  void metricsServeBothFormats() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.post("/v1/chat/completions", "{bad");
      harness.awaitRecord(1);

      HttpResponse<String> text = harness.get("/metrics");
      HttpResponse<String> openMetrics =
          harness.get("/metrics", "accept", "application/openmetrics-text; version=1.0.0");

      assertThat(text.body()).contains("llm_call_duration_seconds_bucket");
      assertThat(text.body()).contains("llm_errors_total{error_type=\"invalid_json\"");
      assertThat(text.body()).contains("lookout_recorder_records_dropped_total");
      assertThat(openMetrics.body()).endsWith("# EOF\n");
    }
  }

  @Test
  void metricLabelsAreCapped() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.respond(400, "application/json", "{\"error\":{\"code\":\"bad\"}}");
      for (int i = 0; i < 120; i++) {
        harness.post("/v1/chat/completions", "{\"model\":\"m" + i + "\",\"messages\":[]}");
      }
      harness.awaitRecord(120);

      String metrics = harness.get("/metrics").body();

      assertThat(metrics).contains("model=\"other\"");
      assertThat(metrics).doesNotContain("model=\"m119\"");
    }
  }

  @Test
  void apiKeyNeverReachesRecord() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.respond(
          401,
          "application/json",
          "{\"error\":{\"message\":\"Incorrect API key provided: sk-live-abcdef0123456789."
              + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
      harness.post(
          "/v1/chat/completions", CHAT, "authorization", "Bearer sk-live-abcdef0123456789");
      CallRecord record = harness.awaitRecord(1);

      assertThat(record.errorMessage()).doesNotContain("sk-live-abcdef0123456789");
      assertThat(record.toString()).doesNotContain("abcdef0123456789");
    }
  }

  @Test
  void errorTypeWithKeyIsReplaced() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.respond(
          401,
          "application/json",
          "{\"error\":{\"message\":\"bad key\",\"code\":\"invalid:sk-live-abcdef0123456789\"}}");
      harness.post("/v1/chat/completions", CHAT);
      CallRecord record = harness.awaitRecord(1);

      assertThat(record.errorType()).isEqualTo("http_401");
      assertThat(harness.get("/metrics").body()).doesNotContain("abcdef0123456789");
    }
  }

  @Test
  void longModelNameIsOtherLabel() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.respond(400, "application/json", "{\"error\":{\"code\":\"bad\"}}");
      harness.post(
          "/v1/chat/completions", "{\"model\":\"" + "m".repeat(200) + "\",\"messages\":[]}");
      harness.awaitRecord(1);

      String metrics = harness.get("/metrics").body();

      assertThat(metrics).contains("model=\"other\"");
      assertThat(metrics).doesNotContain("m".repeat(200));
    }
  }

  @Test
  void trailingJsonIs400() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      HttpResponse<String> response =
          harness.post("/v1/chat/completions", CHAT + "{\"model\":\"other\"}");

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void dotSegmentPathIsRejected() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      try (Socket socket = new Socket("127.0.0.1", harness.gateway.port())) {
        socket
            .getOutputStream()
            .write(
                "GET /v1/models/../../admin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.UTF_8));
        String response =
            new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(response).startsWith("HTTP/1.1 404");
      }
      assertThat(harness.upstream.requests()).isZero();
    }
  }

  @Test
  void gzipBodyUsageIsRead() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      byte[] json = Files.readAllBytes(SharedData.path("fixtures/openai/chat_basic.json"));
      java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
      try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
        gzip.write(json);
      }
      harness.upstream.handler(
          (request, body) ->
              request
                  .response()
                  .putHeader("content-type", "application/json")
                  .putHeader("content-encoding", "gzip")
                  .end(io.vertx.core.buffer.Buffer.buffer(zipped.toByteArray())));
      harness.post("/v1/chat/completions", CHAT);
      CallRecord record = harness.awaitRecord(1);

      assertThat(record.inputTokens()).isEqualTo(16L);
      assertThat(record.outputTokens()).isEqualTo(12L);
    }
  }

  @Test
  void brokenStreamKeepsTokensSoFar() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.handler(
          (request, body) -> {
            var response =
                request.response().setChunked(true).putHeader("content-type", "text/event-stream");
            response.write(
                "data: {\"id\":\"c\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"content\":\"Hello there, friend\"}}]}\n\n");
            harness.upstream.vertx().setTimer(50, id -> request.connection().close());
          });
      // The client sees the stream cut off, as an IOException from the JDK client.
      assertThatThrownBy(
              () ->
                  harness.post(
                      "/v1/chat/completions",
                      "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":"
                          + "[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
          .isInstanceOf(java.io.IOException.class);
      CallRecord record = harness.awaitRecord(1);

      assertThat(record.status()).isEqualTo(CallStatus.ERROR);
      assertThat(record.errorType()).isEqualTo("upstream_disconnected");
      assertThat(record.outputTokens()).isPositive();
    }
  }
}
