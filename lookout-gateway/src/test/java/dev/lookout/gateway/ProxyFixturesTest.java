package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.core.usage.UsageSource;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded chat response and error body, served by a fake upstream through the gateway: the
 * client gets the bytes unchanged and the record carries the usage the manifest expects.
 */
class ProxyFixturesTest {
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

  static Stream<JsonNode> chatFixtures() throws Exception {
    return fixtures("openai.chat");
  }

  static Stream<JsonNode> errorFixtures() throws Exception {
    return fixtures("error");
  }

  private static Stream<JsonNode> fixtures(String api) throws Exception {
    JsonNode manifest = JSON.readTree(SharedData.path("fixtures/manifest.json").toFile());
    List<JsonNode> selected = new ArrayList<>();
    for (JsonNode fixture : manifest.path("fixtures")) {
      if (fixture.path("api").asText().equals(api)) {
        selected.add(fixture);
      }
    }
    return selected.stream();
  }

  private static CallRecord replay(JsonNode fixture, HttpResponse<String>[] response)
      throws Exception {
    String body = Files.readString(SharedData.path("fixtures/" + fixture.path("file").asText()));
    boolean stream = fixture.path("format").asText().equals("sse");
    // One recording lacks its content type; a provider sends text/event-stream for a stream.
    String contentType =
        fixture.path("content_type").isTextual()
            ? fixture.get("content_type").asText()
            : (stream ? "text/event-stream" : "application/json");
    harness.upstream.respond(fixture.path("http_status").asInt(), contentType, body);
    int before = harness.records.size();
    response[0] =
        harness.post(
            "/v1/chat/completions",
            "{\"model\":\"gpt-4o\",\"stream\":"
                + stream
                + (stream ? ",\"stream_options\":{\"include_usage\":true}" : "")
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}");
    assertThat(response[0].body()).isEqualTo(body);
    return harness.awaitRecord(before + 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chatFixtures")
  @SuppressWarnings("unchecked")
  void chatUsageMatchesManifest(JsonNode fixture) throws Exception {
    HttpResponse<String>[] response = new HttpResponse[1];
    CallRecord record = replay(fixture, response);
    JsonNode usage = fixture.path("expected").path("usage");

    assertThat(record.status()).isEqualTo(CallStatus.SUCCESS);
    if (usage.isObject()) {
      assertThat(record.usageSource()).isEqualTo(UsageSource.PROVIDER);
      long input = usage.path("input_tokens_total").asLong();
      long output = usage.path("output_tokens").asLong();
      long reasoning = usage.path("reasoning_tokens").asLong();
      // Gemini reports thinking tokens only in total_tokens; Google bills them as output, so
      // Lookout counts the excess over prompt plus completion as reasoning output.
      long hidden = usage.path("total_tokens_reported").asLong(0) - input - output;
      if (usage.path("reasoning_tokens").isNull() && hidden > 0) {
        output += hidden;
        reasoning = hidden;
      }
      assertThat(record.inputTokens()).isEqualTo(input);
      assertThat(record.outputTokens()).isEqualTo(output);
      assertThat(record.cachedInputTokens()).isEqualTo(usage.path("cached_input_tokens").asLong());
      assertThat(record.reasoningTokens()).isEqualTo(reasoning);
    } else {
      assertThat(record.usageSource()).isEqualTo(UsageSource.ESTIMATED);
      assertThat(record.outputTokens()).isPositive();
    }
  }

  private static String expectedErrorType(JsonNode fixture) {
    JsonNode expected = fixture.path("expected");
    if (expected.path("error_code").isTextual()) {
      return expected.get("error_code").asText();
    }
    if (expected.path("error_type").isTextual()) {
      return expected.get("error_type").asText();
    }
    return "http_" + fixture.path("http_status").asInt();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorFixtures")
  @SuppressWarnings("unchecked")
  void errorStatusPassesThrough(JsonNode fixture) throws Exception {
    HttpResponse<String>[] response = new HttpResponse[1];
    CallRecord record = replay(fixture, response);
    JsonNode expected = fixture.path("expected");

    assertThat(response[0].statusCode()).isEqualTo(fixture.path("http_status").asInt());
    assertThat(record.status()).isEqualTo(CallStatus.ERROR);
    assertThat(record.httpStatus()).isEqualTo(fixture.path("http_status").asInt());
    assertThat(record.errorType()).isEqualTo(expectedErrorType(fixture));
    assertThat(record.inputTokens()).isNull();
  }
}
