package dev.lookout.gateway.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.experiment.Variant;
import dev.lookout.core.record.CallRecord;
import dev.lookout.gateway.FakeUpstream;
import dev.lookout.gateway.GatewayFeatures;
import dev.lookout.gateway.GatewayHarness;
import dev.lookout.gateway.GatewayServer;
import dev.lookout.gateway.guard.GuardSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the gateway renders a variant into the request, and the errors it returns. */
class ExperimentRoutingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OK =
      "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}";
  private static final Experiment ONLY_B =
      new Experiment(
          "tone",
          "a",
          List.of(new Variant("a", 0, "Be brief."), new Variant("b", 1, "Speak {{lang}}.")),
          List.of(),
          null,
          null,
          null);

  private GatewayHarness harness;
  private FakeUpstream upstream;
  private GatewayServer gateway;
  private List<CallRecord> records;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    harness =
        new GatewayHarness(
            GuardSettings.none(),
            GatewayFeatures.none()
                .withExperiments(new ExperimentSettings(List.of(ONLY_B), null, null, null)));
    upstream = harness.upstream;
    gateway = harness.gateway;
    records = harness.records;
    upstream.respond(200, "application/json", OK);
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  @Test
  void templateBecomesSystemMessage() throws Exception {
    HttpResponse<String> response =
        chat(
            "{\"model\":\"gpt-4o\",\"user\":\"u1\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            "x-lookout-experiment",
            "tone",
            "x-lookout-variables",
            "{\"lang\":\"French\"}");

    JsonNode sent = JSON.readTree(upstream.lastBody()).path("messages");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(sent.get(0).path("role").asText()).isEqualTo("system");
    assertThat(sent.get(0).path("content").asText()).isEqualTo("Speak French.");
    assertThat(sent.get(1).path("content").asText()).isEqualTo("x");
    assertThat(upstream.lastHeaders().get("x-lookout-variables")).isNull();
  }

  @Test
  void templateReplacesSystemMessage() throws Exception {
    chat(
        "{\"model\":\"gpt-4o\",\"metadata\":{\"lang\":\"Dutch\"},\"messages\":["
            + "{\"role\":\"system\",\"content\":\"old\"},{\"role\":\"user\",\"content\":\"x\"}]}",
        "x-lookout-experiment",
        "tone",
        "x-lookout-user",
        "u2");

    JsonNode sent = JSON.readTree(upstream.lastBody()).path("messages");
    assertThat(sent.size()).isEqualTo(2);
    assertThat(sent.get(0).path("content").asText()).isEqualTo("Speak Dutch.");
  }

  @Test
  void recordNamesVariant() throws Exception {
    chat(
        "{\"model\":\"gpt-4o\",\"user\":\"u3\",\"metadata\":{\"lang\":\"Thai\"},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
        "x-lookout-experiment",
        "tone");

    CallRecord record = awaitRecord();
    assertThat(record.experimentId()).isEqualTo("tone");
    assertThat(record.variant()).isEqualTo("b");
  }

  @Test
  void headerUserIsReadAsUtf8() throws Exception {
    postRaw(
        "{\"model\":\"gpt-4o\",\"metadata\":{\"lang\":\"Thai\"},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
        "x-lookout-user",
        "\u00fc\u540d",
        "x-lookout-experiment",
        "tone");

    CallRecord record = awaitRecord();
    assertThat(record.userId()).isEqualTo("\u00fc\u540d");
  }

  @Test
  void headerVariablesAreReadAsUtf8() throws Exception {
    postRaw(
        "{\"model\":\"gpt-4o\",\"user\":\"u\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
        "x-lookout-variables",
        "{\"lang\":\"Fran\u00e7ais\"}",
        "x-lookout-experiment",
        "tone");

    JsonNode sent = JSON.readTree(upstream.lastBody()).path("messages");
    assertThat(sent.get(0).path("content").asText()).isEqualTo("Speak Fran\u00e7ais.");
  }

  /**
   * Posts {@code body} with one header whose value goes on the wire as its UTF-8 bytes, as curl and
   * most clients send it. The JDK client would replace each non-ASCII character with '?'.
   */
  private void postRaw(String body, String header, String value, String... more) throws Exception {
    StringBuilder head =
        new StringBuilder("POST /v1/chat/completions HTTP/1.1\r\nhost: 127.0.0.1\r\n")
            .append("content-type: application/json\r\nconnection: close\r\n");
    for (int i = 0; i < more.length; i += 2) {
      head.append(more[i]).append(": ").append(more[i + 1]).append("\r\n");
    }
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    head.append("content-length: ").append(bytes.length).append("\r\n");
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.port())) {
      java.io.OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.write(
          (header + ": " + value + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.write(bytes);
      out.flush();
      socket.getInputStream().readAllBytes();
    }
  }

  @Test
  void unknownExperimentNamesKnownIds() throws Exception {
    HttpResponse<String> response =
        chat(
            "{\"model\":\"gpt-4o\",\"user\":\"u\",\"messages\":[]}",
            "x-lookout-experiment",
            "nope");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("unknown_experiment").contains("[tone]");
    assertThat(upstream.requests()).isZero();
  }

  @Test
  void missingUserIs400() throws Exception {
    HttpResponse<String> response =
        chat("{\"model\":\"gpt-4o\",\"messages\":[]}", "x-lookout-experiment", "tone");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("x-lookout-user");
  }

  @Test
  void missingVariableIs400() throws Exception {
    HttpResponse<String> response =
        chat(
            "{\"model\":\"gpt-4o\",\"user\":\"u\",\"messages\":[]}",
            "x-lookout-experiment",
            "tone");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("'lang'");
  }

  @Test
  void feedbackWithoutStoreIsOff() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/feedback"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"request_id\":\"r\",\"name\":\"n\",\"value\":1}")));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("feature_off");
  }

  @Test
  void unknownAnalysisIs404() throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/experiments/other")));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("[tone]");
  }

  private CallRecord awaitRecord() throws InterruptedException {
    for (int i = 0; i < 1000 && records.isEmpty(); i++) {
      Thread.sleep(5);
    }
    return records.get(0);
  }

  private HttpResponse<String> chat(String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/chat/completions"))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    request.headers(headers);
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
