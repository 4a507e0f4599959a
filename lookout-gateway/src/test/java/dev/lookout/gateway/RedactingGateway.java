package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.guard.Guard;
import dev.lookout.core.guard.GuardPipeline;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.sse.SseEvent;
import dev.lookout.core.sse.SseParser;
import dev.lookout.gateway.guard.GuardSettings;
import dev.lookout.gateway.guard.InputGuarding;
import dev.lookout.gateway.guard.OutputGuarding;
import dev.lookout.gateway.payload.CaptureSettings;
import dev.lookout.gateway.payload.PayloadCapture;
import dev.lookout.store.payload.CaptureMode;
import dev.lookout.store.payload.LocalPayloadStore;
import dev.lookout.store.payload.PayloadWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A gateway on loopback that redacts e-mail addresses in responses with {@link
 * GuardGatewayTest.EmailGuard} and stores payloads, in front of a {@link FakeUpstream} that serves
 * both the OpenAI and the Anthropic routes.
 */
final class RedactingGateway implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EMAIL = Pattern.compile("[a-z]+@[a-z]+\\.com");
  private static final UnaryOperator<String> REDACT_EMAIL =
      text -> EMAIL.matcher(text).replaceAll("[EMAIL]");

  final FakeUpstream upstream;
  final GatewayServer gateway;
  final List<CallRecord> records;
  private final GatewayHarness harness;
  private final PayloadWriter writer;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Starts a gateway that stores payloads redacted. */
  RedactingGateway(Path data) throws Exception {
    this(data, CaptureMode.REDACTED);
  }

  /**
   * Starts a gateway that stores payloads in {@code mode}. With {@link CaptureMode#FULL} the stored
   * response is exactly what the output guards let through to the client.
   */
  RedactingGateway(Path data, CaptureMode mode) throws Exception {
    this(data, mode, new GuardGatewayTest.EmailGuard());
  }

  /** Starts a gateway that redacts responses with {@code guard} and stores payloads redacted. */
  RedactingGateway(Path data, Guard guard) throws Exception {
    this(data, CaptureMode.REDACTED, guard);
  }

  private RedactingGateway(Path data, CaptureMode mode, Guard guard) throws Exception {
    LocalPayloadStore store = new LocalPayloadStore(LocalPayloadStore.folderIn(data));
    writer = new PayloadWriter(store, 100);
    CaptureSettings capture = new CaptureSettings(mode, 1.0, Map.of(), REDACT_EMAIL);
    GuardPipeline pipeline = new GuardPipeline(List.of(), List.of(guard));
    harness =
        new GatewayHarness(
            new GuardSettings(InputGuarding.none(), new OutputGuarding(pipeline), REDACT_EMAIL),
            GatewayFeatures.none().withCapture(new PayloadCapture(capture, writer, store)));
    upstream = harness.upstream;
    gateway = harness.gateway;
    records = harness.records;
  }

  /** Returns a chat request body, streamed or not. */
  static String chat(boolean stream) {
    return "{\"model\":\"gpt-4o\",\"stream\":"
        + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"Who?\"}]}";
  }

  /** Returns an Anthropic Messages request body, streamed or not. */
  static String messages(boolean stream) {
    return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"stream\":"
        + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"Who?\"}]}";
  }

  /** Returns one chat chunk event whose choice 0 has {@code delta} and no finish reason. */
  static String chunk(String delta) {
    return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\","
        + "\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":null}]}\n\n";
  }

  /** Returns one chat chunk event whose choice 0 has {@code content} as its delta. */
  static String content(String text) throws Exception {
    return chunk("{\"content\":" + JSON.writeValueAsString(text) + "}");
  }

  /** Returns the finish chunk of choice 0 with {@code reason}. */
  static String finish(String reason) {
    return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\","
        + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\""
        + reason
        + "\"}]}\n\n";
  }

  HttpResponse<String> post(String json) throws Exception {
    return http.send(request("/v1/chat/completions", json), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code json} to the chat route with {@code headers} (name, value, ...). */
  HttpResponse<String> post(String json, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/chat/completions"))
            .timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code json} to Anthropic's Messages route. */
  HttpResponse<String> postMessages(String json) throws Exception {
    return http.send(request("/v1/messages", json), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code json} and returns what arrived before the response ended or broke off. */
  String postUntilCut(String json) throws Exception {
    var response =
        http.send(request("/v1/chat/completions", json), HttpResponse.BodyHandlers.ofInputStream());
    java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
    try (var body = response.body()) {
      byte[] buffer = new byte[1024];
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        read.write(buffer, 0, n);
      }
    } catch (java.io.IOException expected) {
      // The gateway cut the response; what arrived before is kept.
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  private HttpRequest request(String path, String json) {
    return HttpRequest.newBuilder(URI.create(gateway.url() + path))
        .timeout(Duration.ofSeconds(30))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  /** Waits for the first call's record. */
  CallRecord awaitRecord() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (records.isEmpty() && System.nanoTime() - deadline < 0) {
      Thread.sleep(5);
    }
    assertThat(records).isNotEmpty();
    return records.get(0);
  }

  /** Returns the stored request of the first call, once its payload is written. */
  JsonNode storedRequest() throws Exception {
    return storedPayload().path("request");
  }

  /** Returns the stored response of the first call, once its payload is written. */
  JsonNode storedResponse() throws Exception {
    return storedPayload().path("response");
  }

  private JsonNode storedPayload() throws Exception {
    CallRecord record = awaitRecord();
    assertThat(writer.flush(Duration.ofSeconds(10))).isTrue();
    HttpResponse<String> payload =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(gateway.url() + "/api/v1/calls/" + record.requestId() + "/payload"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(payload.body());
  }

  /** Returns the data of each event of an event stream, read by the SSE rules. */
  static List<String> events(String body) {
    List<String> data = new ArrayList<>();
    SseParser parser = new SseParser(event -> data.add(event.data()));
    parser.feed(body.getBytes(StandardCharsets.UTF_8));
    parser.finish();
    return data;
  }

  /**
   * Returns {@code stream} cut into pieces {@code offset} characters into each occurrence of {@code
   * value}, so that the network splits every copy of the value.
   */
  static List<String> splitInside(String stream, String value, int offset) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int at = stream.indexOf(value); at >= 0; at = stream.indexOf(value, at + 1)) {
      pieces.add(stream.substring(start, at + offset));
      start = at + offset;
    }
    pieces.add(stream.substring(start));
    return pieces;
  }

  /**
   * Checks that {@code body} is a whole event stream: it ends with a blank line, the data of each
   * event is a JSON object or {@code [DONE]}, and a named event carries data of that {@code type},
   * as Anthropic names its events.
   */
  static void assertWellFormed(String body) throws Exception {
    assertThat(body).endsWith("\n\n");
    List<SseEvent> events = new ArrayList<>();
    SseParser parser = new SseParser(events::add);
    parser.feed(body.getBytes(StandardCharsets.UTF_8));
    parser.finish();
    assertThat(events).isNotEmpty();
    for (SseEvent event : events) {
      if (event.data().equals("[DONE]")) {
        continue;
      }
      JsonNode data = JSON.readTree(event.data());
      assertThat(data.isObject()).as(event.data()).isTrue();
      if (event.event() != null) {
        assertThat(data.path("type").asText()).isEqualTo(event.event());
      }
    }
  }

  /** Returns the text at {@code pointer} of every JSON event of {@code body}, joined. */
  static String joined(String body, String pointer) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String data : events(body)) {
      if (data.startsWith("{")) {
        JsonNode value = JSON.readTree(data).at(pointer);
        text.append(value.isTextual() ? value.asText() : "");
      }
    }
    return text.toString();
  }

  @Override
  public void close() throws Exception {
    harness.close();
    writer.close();
  }
}
