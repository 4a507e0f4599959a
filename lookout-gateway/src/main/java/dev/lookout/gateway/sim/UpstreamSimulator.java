package dev.lookout.gateway.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.tokens.TokenCounter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenAI-compatible upstream that responds with recorded traffic, for demos, tests and
 * benchmarks without internet access.
 *
 * <p>Routes:
 *
 * <ul>
 *   <li>{@code POST /v1/chat/completions}: the recorded response whose prompt equals the text of
 *       the last user message, the requested model's own where the records hold one, or else a
 *       record picked by the prompt's hash. The response echoes the request's model; usage counts
 *       come from {@link TokenCounter}. With {@code "stream": true} it sends {@code
 *       chat.completion.chunk} events: a role chunk, the response in pieces of about one token, a
 *       finish chunk, a usage chunk only when {@code stream_options.include_usage} is true, then
 *       {@code [DONE]}.
 *   <li>{@code POST /v1/completions}: the same for the legacy {@code text_completion} shape.
 *   <li>{@code POST /v1/embeddings}: deterministic unit vectors of 384 dimensions by default.
 *   <li>{@code GET /v1/models} and {@code GET /v1/models/{id}}: the models named in the records.
 * </ul>
 *
 * <p>Timing: a stream sends its first chunk after the time to first token and then the pieces at
 * the token rate. A non-stream response arrives after the time to first token plus the time the
 * stream would take. Waits use Vert.x timers, so no handler sleeps on the event loop, and a
 * stream's timer is cancelled when the client disconnects.
 *
 * <p>Request headers for tests: {@code x-sim-ttft-ms} and {@code x-sim-tokens-per-second} override
 * the timing, {@code x-sim-delay-ms} delays the whole response (or error), and {@code x-sim-status:
 * 429} (any 400 to 599) returns an OpenAI-style error with that status. Any {@code Authorization}
 * is accepted. Invalid JSON and invalid fields get a 400 OpenAI-style error.
 */
public final class UpstreamSimulator {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamSimulator.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Vertx vertx;
  private final SimulatorSettings settings;
  private final ResponseCatalog catalog;
  private final AtomicInteger activeStreams = new AtomicInteger();
  private final CompletionRoute chatRoute;
  private final CompletionRoute textRoute;
  private final EmbeddingRoute embeddingRoute;
  private HttpServer server;

  private UpstreamSimulator(
      Vertx vertx, SimulatorSettings settings, ResponseCatalog catalog, TokenCounter counter) {
    this.vertx = vertx;
    this.settings = settings;
    this.catalog = catalog;
    this.chatRoute =
        new CompletionRoute(vertx, catalog, counter, CompletionBodies.Kind.CHAT, activeStreams);
    this.textRoute =
        new CompletionRoute(vertx, catalog, counter, CompletionBodies.Kind.TEXT, activeStreams);
    this.embeddingRoute = new EmbeddingRoute(counter);
  }

  /**
   * Starts a simulator that responds with {@code records}. The future completes once the server
   * listens; call {@code .await()} on it from a thread that is not an event loop to block.
   *
   * @return a future that fails with {@link IllegalArgumentException} when {@code records} is
   *     empty, or with the bind error when the port is taken
   */
  public static Future<UpstreamSimulator> start(
      Vertx vertx, SimulatorSettings settings, List<TrafficRecord> records) {
    ResponseCatalog catalog;
    try {
      catalog = new ResponseCatalog(records);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    TokenCounter counter = TokenCounter.create();
    UpstreamSimulator simulator = new UpstreamSimulator(vertx, settings, catalog, counter);
    // Loading a tokenizer takes hundreds of milliseconds, so it happens before the first request
    // and off the event loop.
    return vertx
        .executeBlocking(
            () -> counter.countText("gpt-4o", "warm up") + counter.countText("gpt-4", "warm up"))
        .compose(ignored -> simulator.listen());
  }

  private Future<UpstreamSimulator> listen() {
    HttpServerOptions options =
        new HttpServerOptions().setHost(settings.host()).setPort(settings.port());
    return vertx
        .createHttpServer(options)
        .requestHandler(this::handle)
        .listen()
        .map(
            bound -> {
              server = bound;
              LOG.info(
                  "upstream simulator listening on {} with {} records, ttft {} ms, {} tokens/s",
                  baseUrl(),
                  catalog.size(),
                  settings.ttftMs(),
                  settings.tokensPerSecond());
              return this;
            });
  }

  /** Returns the bound TCP port. */
  public int port() {
    return server.actualPort();
  }

  /** Returns the base URL, such as {@code http://127.0.0.1:41234}, without a trailing slash. */
  public String baseUrl() {
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    return "http://" + host + ":" + port();
  }

  /** Returns the number of streams being sent now; a disconnected client's stream is not one. */
  public int activeStreams() {
    return activeStreams.get();
  }

  /** Stops listening and closes open connections. */
  public Future<Void> close() {
    int port = port();
    return server
        .close()
        .onSuccess(ignored -> LOG.info("upstream simulator on port {} stopped", port));
  }

  private void handle(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    String path = request.path();
    HttpMethod method = request.method();
    RequestOverrides overrides;
    try {
      overrides = RequestOverrides.from(request.headers(), settings);
    } catch (InvalidRequestException e) {
      OpenAiErrors.send(response, 400, e.getMessage(), e.param());
      return;
    }
    request
        .body()
        .onSuccess(
            body ->
                Delays.after(
                    vertx,
                    response,
                    overrides.delayMs(),
                    () -> respond(method, path, body, overrides, response)))
        .onFailure(e -> LOG.debug("request body of {} {} not received", method, path, e));
  }

  private void respond(
      HttpMethod method,
      String path,
      Buffer body,
      RequestOverrides overrides,
      HttpServerResponse response) {
    if (overrides.status() > 0) {
      OpenAiErrors.send(
          response,
          overrides.status(),
          "Simulated error: the request asked for status " + overrides.status() + ".",
          null);
      return;
    }
    try {
      route(method, path, body, overrides, response);
    } catch (InvalidRequestException e) {
      OpenAiErrors.send(response, 400, e.getMessage(), e.param());
    } catch (RuntimeException e) {
      LOG.warn("upstream simulator failed on {} {}", method, path, e);
      OpenAiErrors.send(response, 500, "The simulator failed: " + e, null);
    }
  }

  private void route(
      HttpMethod method,
      String path,
      Buffer body,
      RequestOverrides overrides,
      HttpServerResponse response) {
    if (method == HttpMethod.GET && path.equals("/v1/models")) {
      response.putHeader("content-type", "application/json").end(modelList().toString());
    } else if (method == HttpMethod.GET && path.startsWith("/v1/models/")) {
      sendModel(response, path.substring("/v1/models/".length()));
    } else if (method == HttpMethod.POST && path.equals("/v1/chat/completions")) {
      chatRoute.handle(response, parseObject(body), overrides);
    } else if (method == HttpMethod.POST && path.equals("/v1/completions")) {
      textRoute.handle(response, parseObject(body), overrides);
    } else if (method == HttpMethod.POST && path.equals("/v1/embeddings")) {
      embeddingRoute.handle(response, parseObject(body));
    } else {
      OpenAiErrors.send(
          response,
          404,
          "Invalid URL ("
              + method
              + " "
              + path
              + "). The simulator serves POST /v1/chat/completions, POST /v1/completions,"
              + " POST /v1/embeddings and GET /v1/models.",
          null);
    }
  }

  private static JsonNode parseObject(Buffer body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body.getBytes());
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(
          null,
          "Invalid JSON in the request body: " + e.getOriginalMessage() + ". Send a JSON object.");
    } catch (IOException e) {
      throw new InvalidRequestException(
          null, "Unreadable request body: " + e.getMessage() + ". Send a JSON object.");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidRequestException(
          null, "The request body is not a JSON object. Send a JSON object.");
    }
    return node;
  }

  private ObjectNode modelList() {
    ObjectNode list = MAPPER.createObjectNode();
    list.put("object", "list");
    ArrayNode data = list.putArray("data");
    for (String model : catalog.models()) {
      data.add(modelNode(model));
    }
    return list;
  }

  private void sendModel(HttpServerResponse response, String model) {
    if (!catalog.models().contains(model)) {
      OpenAiErrors.send(
          response,
          404,
          "The model '" + model + "' does not exist in the simulator's records.",
          "model");
      return;
    }
    response.putHeader("content-type", "application/json").end(modelNode(model).toString());
  }

  private static ObjectNode modelNode(String model) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", model);
    node.put("object", "model");
    node.put("created", 0);
    node.put("owned_by", "lookout-sim");
    return node;
  }
}
