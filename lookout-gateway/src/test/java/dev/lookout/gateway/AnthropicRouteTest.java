package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.core.usage.UsageSource;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Anthropic's Messages API through the gateway, with every recorded Anthropic response. */
class AnthropicRouteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static GatewayHarness harness;

  @BeforeAll
  static void start() throws Exception {
    harness = new GatewayHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    harness.close();
  }

  static Stream<JsonNode> messageFixtures() throws Exception {
    JsonNode manifest = JSON.readTree(SharedData.path("fixtures/manifest.json").toFile());
    List<JsonNode> selected = new ArrayList<>();
    for (JsonNode fixture : manifest.path("fixtures")) {
      if (fixture.path("api").asText().equals("anthropic.messages")) {
        selected.add(fixture);
      }
    }
    return selected.stream();
  }

  private static CallRecord replay(String file, int status, boolean stream, String... headers)
      throws Exception {
    String body = Files.readString(SharedData.path("fixtures/" + file));
    harness.upstream.respond(
        status, stream ? "text/event-stream; charset=utf-8" : "application/json", body);
    int before = harness.records.size();
    HttpResponse<String> response =
        harness.post(
            "/v1/messages",
            "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"stream\":"
                + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}",
            headers);
    assertThat(response.body()).isEqualTo(body);
    return harness.awaitRecord(before + 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messageFixtures")
  void usageMatchesManifest(JsonNode fixture) throws Exception {
    String file = fixture.path("file").asText();
    CallRecord record =
        replay(file, 200, file.endsWith(".sse"), "x-api-key", "sk-ant-test-1234567");
    JsonNode usage = fixture.path("expected").path("usage");

    assertThat(record.provider()).isEqualTo("anthropic");
    assertThat(record.status()).isEqualTo(CallStatus.SUCCESS);
    assertThat(record.usageSource()).isEqualTo(UsageSource.PROVIDER);
    assertThat(record.inputTokens()).isEqualTo(usage.path("input_tokens_total").asLong());
    assertThat(record.cachedInputTokens()).isEqualTo(usage.path("cached_input_tokens").asLong());
    assertThat(record.cacheWriteTokens())
        .isEqualTo(usage.path("cache_write_input_tokens").asLong());
    assertThat(record.outputTokens()).isEqualTo(usage.path("output_tokens").asLong());
    assertThat(record.priced()).isTrue();
  }

  @Test
  void streamWithoutMessageStopIsError() throws Exception {
    String complete =
        Files.readString(SharedData.path("fixtures/anthropic/messages_stream_text.sse"));
    String cut = complete.substring(0, complete.indexOf("event: message_stop"));
    harness.upstream.respond(200, "text/event-stream; charset=utf-8", cut);
    int before = harness.records.size();
    harness.post(
        "/v1/messages",
        "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}");

    assertThat(harness.awaitRecord(before + 1).status()).isEqualTo(CallStatus.ERROR);
  }

  @Test
  void apiKeyReachesUpstream() throws Exception {
    replay("anthropic/messages_basic.json", 200, false, "x-api-key", "sk-ant-test-1234567");

    assertThat(harness.upstream.lastHeaders().get("x-api-key")).isEqualTo("sk-ant-test-1234567");
  }

  @Test
  void cacheWritesAndReadsArePricedApart() throws Exception {
    // claude-sonnet-4-5 at 3.00 input, 3.75 five-minute cache write, 0.30 cache read and 15.00
    // output USD per million: 3 * 3e-6 + 418 * 3.75e-6 + 1111 * 3e-7 + 33 * 1.5e-5
    // = 0.000009 + 0.0015675 + 0.0003333 + 0.000495 = 0.0024048 USD.
    CallRecord record = replay("anthropic/messages_cache_creation_and_read.json", 200, false);

    assertThat(record.costUsd()).isEqualByComparingTo(new BigDecimal("0.0024048"));
  }

  @Test
  void providerErrorKeepsItsType() throws Exception {
    CallRecord record = replay("anthropic/error_529_overloaded.json", 529, false);

    assertThat(record.status()).isEqualTo(CallStatus.ERROR);
    assertThat(record.httpStatus()).isEqualTo(529);
    assertThat(record.errorType()).isEqualTo("overloaded_error");
  }

  @Test
  void lookoutErrorUsesAnthropicShape() throws Exception {
    HttpResponse<String> response = harness.post("/v1/messages", "{\"messages\":[]}");
    JsonNode body = JSON.readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body.path("type").asText()).isEqualTo("error");
    assertThat(body.path("error").path("type").asText()).isEqualTo("missing_model");
  }
}
