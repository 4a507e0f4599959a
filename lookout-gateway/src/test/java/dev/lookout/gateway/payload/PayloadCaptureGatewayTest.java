package dev.lookout.gateway.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.pricing.PriceTable;
import dev.lookout.core.record.CallRecord;
import dev.lookout.gateway.FakeUpstream;
import dev.lookout.gateway.GatewayFeatures;
import dev.lookout.gateway.GatewayServer;
import dev.lookout.gateway.GatewaySettings;
import dev.lookout.gateway.access.AccessSettings;
import dev.lookout.gateway.guard.GuardSettings;
import dev.lookout.gateway.metrics.GatewayMetrics;
import dev.lookout.store.payload.CaptureMode;
import dev.lookout.store.payload.LocalPayloadStore;
import dev.lookout.store.payload.PayloadWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payload capture through a real gateway, read back through its payload route. */
class PayloadCaptureGatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EMAIL = Pattern.compile("[a-z]+@[a-z]+\\.com");
  private static final UnaryOperator<String> REDACT_EMAIL =
      text -> EMAIL.matcher(text).replaceAll("[EMAIL]");

  private static final String REQUEST =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"mail"
          + " ann@corp.com\"}]}";
  private static final String RESPONSE =
      "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":\"sent to bob@mail.com\"},"
          + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,"
          + "\"total_tokens\":13}}";

  @TempDir Path data;
  private FakeUpstream upstream;
  private GatewayServer gateway;
  private PayloadWriter writer;
  private final List<CallRecord> records = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  private void start(CaptureSettings settings) throws Exception {
    upstream = new FakeUpstream();
    LocalPayloadStore store = new LocalPayloadStore(LocalPayloadStore.folderIn(data));
    writer = settings.mode() == CaptureMode.OFF ? null : new PayloadWriter(store, 100);
    PayloadCapture capture =
        new PayloadCapture(settings, writer, settings.mode() == CaptureMode.OFF ? null : store);
    gateway =
        GatewayServer.start(
            GatewaySettings.defaults().withPort(0).withUpstream(URI.create(upstream.url())),
            records::add,
            PriceTable.builtIn(),
            new GatewayMetrics(GatewayMetrics.DEFAULT_LABEL_CAP),
            (since, by) -> "{}",
            AccessSettings.none(),
            GuardSettings.none(),
            GatewayFeatures.none().withCapture(capture));
  }

  private static CaptureSettings capture(CaptureMode mode) {
    return new CaptureSettings(mode, 1.0, Map.of(), REDACT_EMAIL);
  }

  @AfterEach
  void stop() throws Exception {
    if (gateway != null) {
      gateway.stop();
    }
    if (writer != null) {
      writer.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  private HttpResponse<String> post(String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/chat/completions"))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> payloadOf(String requestId) throws Exception {
    flushWriter();
    return http.send(
        HttpRequest.newBuilder(
                URI.create(gateway.url() + "/api/v1/calls/" + requestId + "/payload"))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void flushWriter() {
    if (writer != null) {
      assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
    }
  }

  private static String idOf(HttpResponse<String> response) {
    return response.headers().firstValue("x-lookout-request-id").orElseThrow();
  }

  @Test
  void fullKeepsBodies() throws Exception {
    start(capture(CaptureMode.FULL));
    upstream.respond(200, "application/json", RESPONSE);
    HttpResponse<String> call = post(REQUEST);

    JsonNode payload = JSON.readTree(payloadOf(idOf(call)).body());
    assertThat(payload.path("capture").asText()).isEqualTo("full");
    assertThat(payload.path("request")).isEqualTo(JSON.readTree(REQUEST));
    assertThat(payload.path("response")).isEqualTo(JSON.readTree(RESPONSE));
    assertThat(payload.path("stream").asBoolean()).isFalse();
  }

  @Test
  void redactedMasksRequest() throws Exception {
    start(capture(CaptureMode.REDACTED));
    upstream.respond(200, "application/json", RESPONSE);
    HttpResponse<String> call = post(REQUEST);

    JsonNode payload = JSON.readTree(payloadOf(idOf(call)).body());
    assertThat(payload.path("capture").asText()).isEqualTo("redacted");
    assertThat(payload.path("request").path("messages").get(0).path("content").asText())
        .isEqualTo("mail [EMAIL]");
  }

  @Test
  void redactedMasksResponse() throws Exception {
    start(capture(CaptureMode.REDACTED));
    upstream.respond(200, "application/json", RESPONSE);
    HttpResponse<String> call = post(REQUEST);

    String payload = payloadOf(idOf(call)).body();
    assertThat(payload).doesNotContain("bob@mail.com");
    assertThat(payload).contains("sent to [EMAIL]");
  }

  @Test
  void streamIsReassembled() throws Exception {
    start(capture(CaptureMode.FULL));
    upstream.stream(sse("Hel", "lo bob", "@mail.com"), 5, 2);
    HttpResponse<String> call = post(streaming(REQUEST));

    JsonNode payload = JSON.readTree(payloadOf(idOf(call)).body());
    assertThat(payload.path("stream").asBoolean()).isTrue();
    assertThat(payload.path("response").path("text").asText()).isEqualTo("Hello bob@mail.com");
    assertThat(payload.path("response").path("usage").path("output_tokens").asLong()).isEqualTo(3);
    assertThat(payload.path("request").path("stream").asBoolean()).isTrue();
  }

  @Test
  void redactedStreamMasksText() throws Exception {
    start(capture(CaptureMode.REDACTED));
    upstream.stream(sse("Hel", "lo bob", "@mail.com"), 5, 2);
    HttpResponse<String> call = post(streaming(REQUEST));

    JsonNode payload = JSON.readTree(payloadOf(idOf(call)).body());
    assertThat(payload.path("response").path("text").asText()).isEqualTo("Hello [EMAIL]");
  }

  @Test
  void upstreamErrorIsCaptured() throws Exception {
    start(capture(CaptureMode.FULL));
    String error = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}";
    upstream.respond(500, "application/json", error);
    HttpResponse<String> call = post(REQUEST);

    JsonNode payload = JSON.readTree(payloadOf(idOf(call)).body());
    assertThat(payload.path("response")).isEqualTo(JSON.readTree(error));
  }

  @Test
  void fullDropsEchoedProviderKey() throws Exception {
    start(capture(CaptureMode.FULL));
    String error = "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-abcdef123456\"}}";
    upstream.respond(401, "application/json", error);
    HttpResponse<String> call = post(REQUEST);

    String payload = payloadOf(idOf(call)).body();
    assertThat(payload).doesNotContain("sk-proj-abcdef123456");
    assertThat(payload).contains("[REDACTED_KEY]");
  }

  @Test
  void fullDropsKeyInPrompt() throws Exception {
    start(capture(CaptureMode.FULL));
    upstream.respond(200, "application/json", RESPONSE);
    HttpResponse<String> call =
        post(
            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"my key is sk-ant-api03-zyxwvu987654\"}]}");

    String payload = payloadOf(idOf(call)).body();
    assertThat(payload).doesNotContain("sk-ant-api03-zyxwvu987654");
  }

  @Test
  void rejectedCallIsCaptured() throws Exception {
    start(capture(CaptureMode.FULL));
    HttpResponse<String> call = post("{not json");

    JsonNode payload = JSON.readTree(payloadOf(idOf(call)).body());
    assertThat(payload.path("request").asText()).isEqualTo("{not json");
    assertThat(payload.path("response").path("error").path("code").asText())
        .isEqualTo("invalid_json");
  }

  @Test
  void templateOverrideSamplesOut() throws Exception {
    start(
        new CaptureSettings(
            CaptureMode.FULL,
            1.0,
            Map.of("private", new TemplateCapture(CaptureMode.OFF, null)),
            REDACT_EMAIL));
    upstream.respond(200, "application/json", RESPONSE);
    HttpResponse<String> call = post(REQUEST, "x-lookout-template", "private");

    HttpResponse<String> payload = payloadOf(idOf(call));
    assertThat(payload.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(payload.body()).path("error").path("code").asText())
        .isEqualTo("payload_not_found");
  }

  @Test
  void malformedIdIsBadRequest() throws Exception {
    start(capture(CaptureMode.FULL));

    HttpResponse<String> payload = payloadOf("nope");

    assertThat(payload.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(payload.body()).path("error").path("code").asText())
        .isEqualTo("invalid_request_id");
  }

  @Test
  void zeroSampleRateStoresNothing() throws Exception {
    start(new CaptureSettings(CaptureMode.FULL, 0.0, Map.of(), REDACT_EMAIL));
    upstream.respond(200, "application/json", RESPONSE);
    HttpResponse<String> call = post(REQUEST);

    assertThat(payloadOf(idOf(call)).statusCode()).isEqualTo(404);
  }

  @Test
  void captureOffIsFeatureOff() throws Exception {
    start(capture(CaptureMode.OFF));
    upstream.respond(200, "application/json", RESPONSE);
    HttpResponse<String> call = post(REQUEST);

    HttpResponse<String> payload = payloadOf(idOf(call));
    assertThat(payload.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(payload.body()).path("error").path("type").asText())
        .isEqualTo("not_configured");
  }

  @Test
  void unknownIdIsNotFound() throws Exception {
    start(capture(CaptureMode.FULL));

    assertThat(payloadOf("0193a1b2-0000-7000-8000-000000000000").statusCode()).isEqualTo(404);
  }

  private static String streaming(String request) throws Exception {
    return ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(request))
        .put("stream", true)
        .toString();
  }

  private static String sse(String... pieces) {
    StringBuilder body = new StringBuilder();
    for (String piece : pieces) {
      body.append(
              "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\",")
          .append("\"choices\":[{\"index\":0,\"delta\":{\"content\":")
          .append(JSON.valueToTree(piece).toString())
          .append("},\"finish_reason\":null}]}\n\n");
    }
    body.append(
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,"
            + "\"total_tokens\":12}}\n\n");
    body.append("data: [DONE]\n\n");
    return body.toString();
  }
}
