package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.usage.UsageSource;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A stream whose client did not ask for usage: the gateway asks the provider for it and removes the
 * extra chunk, so the client gets the stream it requested and the record gets real usage.
 */
class StreamUsageInjectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STREAM =
      "{\"model\":\"gpt-4o\",\"stream\":true,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"What is 4200 + 42?\"}]}";

  private static String fixture() throws Exception {
    return Files.readString(SharedData.path("fixtures/openai/chat_stream_text_include_usage.sse"));
  }

  @Test
  void upstreamIsAskedForUsage() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.stream(fixture(), 4, 2);
      harness.post("/v1/chat/completions", STREAM);

      assertThat(
              JSON.readTree(harness.upstream.lastBody())
                  .path("stream_options")
                  .path("include_usage")
                  .asBoolean())
          .isTrue();
    }
  }

  @Test
  void clientSeesNoUsage() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.stream(fixture(), 7, 2);
      HttpResponse<String> response = harness.post("/v1/chat/completions", STREAM);

      int sent = fixture().split("\n\n").length;

      assertThat(response.body()).doesNotContain("\"usage\"");
      assertThat(response.body().split("\n\n")).hasSize(sent - 1);
      assertThat(response.body()).contains("\"obfuscation\":\"nYdSaPIbhl6FsC\"}");
      assertThat(response.body()).endsWith("data: [DONE]\n\n");
    }
  }

  @Test
  void recordHasProviderUsage() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.stream(fixture(), 5, 2);
      harness.post("/v1/chat/completions", STREAM);
      CallRecord record = harness.awaitRecord(1);

      assertThat(record.usageSource()).isEqualTo(UsageSource.PROVIDER);
      assertThat(record.inputTokens()).isEqualTo(16L);
      assertThat(record.outputTokens()).isEqualTo(10L);
    }
  }

  @Test
  void requestedUsagePassesUnchanged() throws Exception {
    try (GatewayHarness harness = new GatewayHarness()) {
      harness.upstream.stream(fixture(), 3, 2);
      HttpResponse<String> response =
          harness.post(
              "/v1/chat/completions",
              STREAM.replace(
                  "\"stream\":true",
                  "\"stream\":true,\"stream_options\":" + "{\"include_usage\":true}"));

      assertThat(response.body()).isEqualTo(fixture());
    }
  }

  @Test
  void injectionCanBeTurnedOff() throws Exception {
    try (GatewayHarness harness = new GatewayHarness(s -> s.withInjectStreamUsage(false))) {
      harness.upstream.stream(fixture(), 3, 2);
      harness.post("/v1/chat/completions", STREAM);

      assertThat(JSON.readTree(harness.upstream.lastBody()).has("stream_options")).isFalse();
    }
  }
}
