package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.guard.GuardPipeline;
import dev.lookout.core.record.CallRecord;
import dev.lookout.gateway.guard.GuardSettings;
import dev.lookout.gateway.guard.InputGuarding;
import dev.lookout.gateway.guard.OutputGuarding;
import dev.lookout.gateway.payload.CaptureSettings;
import dev.lookout.gateway.payload.PayloadCapture;
import dev.lookout.store.payload.CaptureMode;
import dev.lookout.store.payload.LocalPayloadStore;
import dev.lookout.store.payload.PayloadWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A gateway on loopback that runs input guards, sends the redacted prompt upstream and stores
 * payloads redacted, in front of a {@link FakeUpstream} that serves the chat, completion and
 * Anthropic routes.
 */
final class InputGuardGateway implements AutoCloseable {
  static final String MESSAGES = "/v1/messages";
  private static final ObjectMapper JSON = new ObjectMapper();

  final FakeUpstream upstream;
  private final GatewayHarness harness;
  private final PayloadWriter writer;

  /**
   * Starts a gateway whose input guards are {@code pipeline}'s, storing payloads under {@code data}
   * redacted by {@code storage}.
   */
  InputGuardGateway(Path data, GuardPipeline pipeline, UnaryOperator<String> storage)
      throws Exception {
    LocalPayloadStore store = new LocalPayloadStore(LocalPayloadStore.folderIn(data));
    writer = new PayloadWriter(store, 100);
    CaptureSettings capture = new CaptureSettings(CaptureMode.REDACTED, 1.0, Map.of(), storage);
    harness =
        new GatewayHarness(
            new GuardSettings(new InputGuarding(pipeline, true), OutputGuarding.none(), storage),
            GatewayFeatures.none().withCapture(new PayloadCapture(capture, writer, store)));
    upstream = harness.upstream;
  }

  /**
   * Makes the upstream respond to the next calls with a short success body of {@code path}'s API.
   */
  void respondOk(String path) {
    String body =
        path.equals(MESSAGES)
            ? "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],"
                + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}"
            : "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{"
                + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,"
                + "\"completion_tokens\":1}}";
    upstream.respond(200, "application/json", body);
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    return harness.post(path, json);
  }

  /** Waits for the first call's record and returns it. */
  CallRecord awaitRecord() throws InterruptedException {
    return harness.awaitRecord(1);
  }

  /** Returns the request of the first call's stored payload. */
  JsonNode storedRequest() throws Exception {
    CallRecord record = awaitRecord();
    assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
    HttpResponse<String> payload = harness.get("/api/v1/calls/" + record.requestId() + "/payload");
    return JSON.readTree(payload.body()).path("request");
  }

  @Override
  public void close() throws Exception {
    harness.close();
    writer.close();
  }
}
