package dev.lookout.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.io.StrictUtf8;
import dev.lookout.core.prompt.PromptHash;
import dev.lookout.gateway.GatewaySettings;
import dev.lookout.gateway.access.AccessPolicy;
import dev.lookout.gateway.error.ErrorBody;
import dev.lookout.gateway.error.GatewayError;
import dev.lookout.gateway.experiment.ExperimentRouter;
import dev.lookout.gateway.guard.GuardSettings;
import dev.lookout.gateway.guard.InputGuarding;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry of a recorded call: reads the body within the size limit, validates it, reads the
 * attribution and hands the call to an {@link UpstreamExchange}. Every call that reaches this
 * handler ends in exactly one record, whether it succeeds, fails validation or is cancelled.
 */
public final class ProxyHandler {
  /** Response header that carries the call's request id to the client. */
  public static final String REQUEST_ID_HEADER = "x-lookout-request-id";

  private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);

  /** Largest request body whose guards run on the event loop; larger ones go to a worker. */
  private static final int MAX_GUARDED_ON_EVENT_LOOP_BYTES = 16 * 1024;

  /** Seconds a client is asked to wait (Retry-After) when the body budget is spent. */
  static final int BUSY_RETRY_AFTER_SECONDS = 2;

  /** Maximum length, in characters, of a header value quoted in an error message. */
  private static final int MAX_QUOTED_HEADER_CHARS = 64;

  /** Rejects a second value after the JSON object, which a provider would parse differently. */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Vertx vertx;
  private final HttpClient client;
  private final GatewaySettings settings;
  private final CallFinisher finisher;
  private final AccessPolicy access;
  private final GuardSettings guards;
  private final ExperimentRouter experiments;
  private final BodyBudget bodyBudget;
  private final RateLimitedLog upstreamWarnings = new RateLimitedLog(LOG, 1000);

  public ProxyHandler(
      Vertx vertx,
      HttpClient client,
      GatewaySettings settings,
      CallFinisher finisher,
      AccessPolicy access,
      GuardSettings guards,
      ExperimentRouter experiments,
      BodyBudget bodyBudget) {
    this.vertx = vertx;
    this.bodyBudget = bodyBudget;
    this.experiments = experiments;
    this.client = client;
    this.settings = settings;
    this.finisher = finisher;
    this.access = access;
    this.guards = guards;
  }

  private GuardSettings guardsOf(CallContext call) {
    return guards.forTemplate(call.attribution == null ? null : call.attribution.template());
  }

  /** Handles one request to a recorded endpoint. */
  public void handle(HttpServerRequest request, Endpoint endpoint) {
    CallContext call = new CallContext(endpoint);
    int inFlight = finisher.started();
    request.response().putHeader(REQUEST_ID_HEADER, call.requestId);
    if (inFlight > settings.maxInFlight()) {
      // Shedding the call before its body is read keeps an overloaded gateway within its heap;
      // closing the connection frees its buffers too.
      request.response().putHeader(HttpHeaders.CONNECTION, "close");
      reject(
          call,
          request,
          GatewayError.OVERLOADED,
          "The gateway has "
              + (inFlight - 1)
              + " calls in flight, its limit (max_in_flight "
              + settings.maxInFlight()
              + "); retry with backoff. To admit more, raise max_in_flight, the heap and the"
              + " open-file limit; the gateway's start log names a limit lowered to fit open"
              + " files");
      return;
    }
    String encodingProblem = contentEncodingProblem(request);
    if (encodingProblem != null) {
      // The body is not read, so the connection cannot be reused.
      request.response().putHeader(HttpHeaders.CONNECTION, "close");
      reject(call, request, GatewayError.UNSUPPORTED_CONTENT_ENCODING, encodingProblem);
      return;
    }
    long declared = declaredLength(request);
    if (declared > maxBodyBytes()) {
      rejectTooLarge(call, request, declared);
      return;
    }
    // A declared length that cannot fit is refused before any byte is read. Bytes are reserved
    // only as they arrive, so a client that declares a large body and sends nothing reserves none.
    if (declared > bodyBudget.limit() - bodyBudget.reserved()) {
      rejectBusy(call, request, declared);
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] bodyComplete = {false};
    BodyIdleTimer idle = new BodyIdleTimer(call, request, bodyComplete);
    request.handler(
        chunk -> {
          if (call.finished()) {
            return;
          }
          idle.markArrival();
          long received = body.length() + (long) chunk.length();
          if (received > maxBodyBytes()) {
            rejectTooLarge(call, request, received);
            return;
          }
          long unreserved = received - call.reservedBodyBytes();
          if (unreserved > 0 && !call.reserveBody(bodyBudget, unreserved)) {
            rejectBusy(call, request, received);
            return;
          }
          body.appendBuffer(chunk);
        });
    request.exceptionHandler(
        failure -> {
          // After the body is read, a broken connection is the exchange's to record.
          if (bodyComplete[0]) {
            return;
          }
          idle.cancel();
          LOG.debug("proxy: request {} body failed: {}", call.requestId, failure.toString());
          finisher.rejected(
              call,
              GatewayError.CLIENT_CLOSED,
              "The client closed the connection while sending the request body");
        });
    request.endHandler(
        v -> {
          bodyComplete[0] = true;
          idle.cancel();
          if (!call.finished()) {
            onBody(call, request, body);
          }
        });
    idle.start();
  }

  /**
   * Cuts a request whose client sends no body bytes for {@code upstream_timeout}, so that a stalled
   * upload cannot keep its connection and its share of the body budget for ever. Runs on the
   * request's event loop. As in {@link UpstreamExchange}, one periodic check per call measures the
   * gap since the last chunk, rather than a new timer per chunk.
   */
  private final class BodyIdleTimer {
    private final CallContext call;
    private final HttpServerRequest request;
    private final boolean[] bodyComplete;
    private long timerId = -1;
    private long lastArrivalNanos = System.nanoTime();

    BodyIdleTimer(CallContext call, HttpServerRequest request, boolean[] bodyComplete) {
      this.call = call;
      this.request = request;
      this.bodyComplete = bodyComplete;
    }

    void start() {
      long timeoutMillis = settings.upstreamTimeout().toMillis();
      timerId = vertx.setPeriodic(Math.max(10, timeoutMillis / 4), id -> check(timeoutMillis));
    }

    void markArrival() {
      lastArrivalNanos = System.nanoTime();
    }

    void cancel() {
      if (timerId >= 0) {
        vertx.cancelTimer(timerId);
        timerId = -1;
      }
    }

    private void check(long timeoutMillis) {
      if (bodyComplete[0] || call.finished()) {
        cancel();
        return;
      }
      if (System.nanoTime() - lastArrivalNanos < timeoutMillis * 1_000_000L) {
        return;
      }
      cancel();
      LOG.info(
          "proxy: request {} sent no body bytes for {} ms; cutting it",
          call.requestId,
          settings.upstreamTimeout().toMillis());
      request.response().putHeader(HttpHeaders.CONNECTION, "close");
      reject(
          call,
          request,
          GatewayError.BODY_TIMEOUT,
          "The request body stopped arriving: no bytes came for "
              + settings.upstreamTimeout().toSeconds()
              + " s (upstream_timeout); send the whole body without pauses");
      // Over HTTP/2 the connection carries other calls, and the ended stream is enough.
      if (request.version() != HttpVersion.HTTP_2) {
        request.connection().close();
      }
    }
  }

  private void onBody(CallContext call, HttpServerRequest request, Buffer body) {
    call.rawRequest = body;
    String text;
    try {
      text = StrictUtf8.decode(ByteBuffer.wrap(body.getBytes()));
    } catch (StrictUtf8.InvalidUtf8Exception e) {
      // JSON exchanged between systems must be UTF-8 (RFC 8259, section 8.1).
      reject(
          call,
          request,
          GatewayError.INVALID_JSON,
          "Request body is not valid UTF-8: the bytes "
              + e.hex()
              + " at byte offset "
              + e.offset()
              + " do not form a UTF-8 character; send the JSON encoded as UTF-8");
      return;
    }
    JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      reject(
          call,
          request,
          GatewayError.INVALID_JSON,
          "Request body is not valid JSON ("
              + e.getOriginalMessage()
              + "); send a JSON object such as {\"model\": \"gpt-4o-mini\", \"messages\": [...]}");
      return;
    }
    if (json == null || !json.isObject()) {
      reject(
          call,
          request,
          GatewayError.INVALID_JSON,
          "Request body must be a JSON object, got "
              + (json == null || json.isMissingNode()
                  ? "an empty body"
                  : json.getNodeType().toString().toLowerCase(Locale.ROOT))
              + "; send {\"model\": ..., ...}");
      return;
    }
    call.requestBody = json;
    JsonNode model = json.path("model");
    if (!model.isTextual() || model.asText().isBlank()) {
      reject(
          call,
          request,
          GatewayError.MISSING_MODEL,
          "Request body has no \"model\" string; add one, for example \"model\": \""
              + (call.endpoint.anthropic() ? "claude-sonnet-4-5" : "gpt-4o-mini")
              + "\"");
      return;
    }
    String modelProblem = modelProblem(model.asText());
    if (modelProblem != null) {
      reject(call, request, GatewayError.INVALID_MODEL, modelProblem);
      return;
    }
    call.model = model.asText();
    String messagesProblem = messagesProblem(call.endpoint, json);
    if (messagesProblem != null) {
      reject(call, request, GatewayError.INVALID_REQUEST, messagesProblem);
      return;
    }
    call.stream = json.path("stream").asBoolean(false);
    try {
      call.attribution = Attribution.read(json, request.headers());
    } catch (IllegalArgumentException e) {
      reject(call, request, GatewayError.INVALID_HEADER, e.getMessage());
      return;
    }
    AccessPolicy.Decision decision =
        access.decide(
            request.getHeader(AccessPolicy.KEY_HEADER), call.attribution.user(), call.timestamp);
    call.owner = decision.owner();
    if (!decision.allowed()) {
      reject(call, request, decision.error(), decision.message());
      return;
    }
    ExperimentRouter.Routing routing;
    try {
      routing =
          experiments.route(
              (ObjectNode) json,
              request.headers(),
              call.attribution.user(),
              call.attribution.metadata(),
              call.endpoint == Endpoint.CHAT_COMPLETIONS,
              call.endpoint == Endpoint.MESSAGES,
              call.timestamp);
    } catch (ExperimentRouter.RoutingException e) {
      reject(call, request, e.error(), e.getMessage());
      return;
    }
    call.experimentId = routing.experimentId();
    call.variant = routing.variant();
    // The rendered template changes the body, so the upstream gets the re-serialised JSON.
    Buffer upstreamBody = routing.rewritten() ? Buffer.buffer(json.toString()) : body;
    InputGuarding inputGuarding = guardsOf(call).input();
    if (!inputGuarding.active()) {
      forward(call, request, upstreamBody, json, false);
      return;
    }
    if (upstreamBody.length() <= MAX_GUARDED_ON_EVENT_LOOP_BYTES) {
      afterGuards(call, request, upstreamBody, json, inputGuarding.apply(json));
      return;
    }
    // The guards cost about 0.25 ms per 2 KB; a large prompt would stall every other call on
    // this event loop, so it is checked on a worker thread.
    vertx
        .executeBlocking(() -> inputGuarding.apply(json), false)
        .onComplete(
            done -> {
              if (done.failed()) {
                LOG.error("proxy: request {} guards failed", call.requestId, done.cause());
                reject(
                    call,
                    request,
                    GatewayError.INTERNAL,
                    "The input guards failed: " + done.cause() + "; see the gateway's log");
              } else {
                afterGuards(call, request, upstreamBody, json, done.result());
              }
            });
  }

  private void afterGuards(
      CallContext call,
      HttpServerRequest request,
      Buffer body,
      JsonNode json,
      InputGuarding.Result guarded) {
    call.inputOutcomes = guarded.outcomes();
    call.inputRedactionApplied = guarded.rewritten();
    if (guarded.blocked() != null) {
      reject(
          call,
          request,
          GatewayError.INPUT_BLOCKED,
          "The input was blocked by the "
              + guarded.blocked().verdicts().get(0).guard()
              + " guard ("
              + String.join(", ", guarded.blocked().reasons())
              + "); rephrase the request, or change guards."
              + guarded.blocked().verdicts().get(0).guard()
              + " in lookout.yaml, globally or for this call's template under guards.templates");
      return;
    }
    forward(call, request, body, json, guarded.rewritten());
  }

  private void forward(
      CallContext call,
      HttpServerRequest request,
      Buffer body,
      JsonNode json,
      boolean guardsRewrote) {
    JsonNode prompt = call.endpoint.prompt(json);
    if (!prompt.isMissingNode()) {
      call.promptHash = PromptHash.of(prompt);
    }
    Buffer forwarded = guardsRewrote ? Buffer.buffer(json.toString()) : body;
    if (wantsInjectedUsage(call, json)) {
      JsonNode options = json.path("stream_options");
      ObjectNode streamOptions =
          options.isObject()
              ? (ObjectNode) options
              : ((ObjectNode) json).putObject("stream_options");
      streamOptions.put("include_usage", true);
      forwarded = Buffer.buffer(json.toString());
      call.usageInjected = true;
    }
    new UpstreamExchange(
            vertx,
            client,
            settings,
            finisher,
            upstreamWarnings,
            guardsOf(call).output(),
            call,
            request)
        .forward(forwarded);
  }

  /**
   * Returns whether to ask the provider for a stream's usage: the client streams a chat or text
   * completion without {@code stream_options.include_usage}, and injection is on.
   */
  private boolean wantsInjectedUsage(CallContext call, JsonNode json) {
    return settings.injectStreamUsage()
        && call.stream
        && (call.endpoint == Endpoint.CHAT_COMPLETIONS || call.endpoint == Endpoint.COMPLETIONS)
        && !json.path("stream_options").path("include_usage").asBoolean(false);
  }

  /** Records and rejects a call that arrived while the gateway stops. */
  public void rejectWhileStopping(HttpServerRequest request, Endpoint endpoint) {
    CallContext call = new CallContext(endpoint);
    finisher.started();
    request.response().putHeader(REQUEST_ID_HEADER, call.requestId);
    reject(
        call,
        request,
        GatewayError.SHUTTING_DOWN,
        "The gateway is shutting down; retry against another instance");
  }

  /** Returns the largest body accepted: {@code max_body_bytes}, or a smaller body budget. */
  private long maxBodyBytes() {
    return Math.min(settings.maxBodyBytes(), bodyBudget.limit());
  }

  private void rejectTooLarge(CallContext call, HttpServerRequest request, long bytes) {
    String message =
        settings.maxBodyBytes() <= bodyBudget.limit()
            ? "Request body of "
                + bytes
                + " bytes is over the limit of "
                + settings.maxBodyBytes()
                + " bytes; send a smaller request or raise max_body_bytes"
            : "Request body of "
                + bytes
                + " bytes is over the "
                + bodyBudget.limit()
                + " bytes of request bodies the gateway may hold in memory"
                + " (max_buffered_body_bytes); send a smaller request, or raise the heap (-Xmx)"
                + " and max_buffered_body_bytes";
    // The rest of the body is not read, so the connection cannot be reused.
    request.response().putHeader(HttpHeaders.CONNECTION, "close");
    reject(call, request, GatewayError.BODY_TOO_LARGE, message);
  }

  /** Rejects a call whose body would take the bodies held in memory past the budget. */
  private void rejectBusy(CallContext call, HttpServerRequest request, long bytes) {
    String message =
        "The gateway holds "
            + bodyBudget.reserved()
            + " bytes of request bodies in memory, and this request's "
            + bytes
            + " bytes would pass its limit (max_buffered_body_bytes "
            + bodyBudget.limit()
            + "); retry after "
            + BUSY_RETRY_AFTER_SECONDS
            + " seconds (Retry-After). To admit more, raise the heap (-Xmx) and"
            + " max_buffered_body_bytes";
    // The rest of the body is not read, so the connection cannot be reused.
    request
        .response()
        .putHeader(HttpHeaders.CONNECTION, "close")
        .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(BUSY_RETRY_AFTER_SECONDS));
    reject(call, request, GatewayError.BUSY, message);
  }

  private void reject(
      CallContext call, HttpServerRequest request, GatewayError error, String message) {
    finisher.rejected(call, error, message);
    writeError(request.response(), error, message, call.endpoint);
  }

  /** Sends one of Lookout's own errors in OpenAI's error shape. */
  public static void writeError(HttpServerResponse response, GatewayError error, String message) {
    writeError(response, error, message, null);
  }

  /** Sends one of Lookout's own errors in the shape of the route's provider. */
  public static void writeError(
      HttpServerResponse response, GatewayError error, String message, Endpoint endpoint) {
    if (response.ended() || response.closed()) {
      return;
    }
    boolean anthropic = endpoint != null && endpoint.anthropic();
    response
        .setStatusCode(error.httpStatus())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(anthropic ? ErrorBody.anthropic(error, message) : ErrorBody.of(error, message));
  }

  /**
   * Returns why the request's {@code Content-Encoding} cannot be read, or null when the body is
   * uncompressed. The gateway does not decode request bodies, so that the guards, redaction,
   * records and the body size limit all apply to the bytes as sent.
   */
  static String contentEncodingProblem(HttpServerRequest request) {
    for (String value : request.headers().getAll(HttpHeaders.CONTENT_ENCODING)) {
      if (BodyEncoding.of(value) != BodyEncoding.IDENTITY) {
        String shown =
            value.length() <= MAX_QUOTED_HEADER_CHARS
                ? value
                : value.substring(0, MAX_QUOTED_HEADER_CHARS) + "...";
        return "Request header Content-Encoding is '"
            + shown
            + "', but the gateway reads only uncompressed request bodies; send the body"
            + " uncompressed, without a Content-Encoding header";
      }
    }
    return null;
  }

  /**
   * Returns why {@code "messages"} of a chat or Anthropic Messages request is not an array of
   * objects, or null when it is one or is absent. The input guards read only message objects, so
   * another shape would reach the provider unchecked.
   */
  static String messagesProblem(Endpoint endpoint, JsonNode json) {
    if (endpoint != Endpoint.CHAT_COMPLETIONS && endpoint != Endpoint.MESSAGES) {
      return null;
    }
    JsonNode messages = json.get("messages");
    if (messages == null) {
      return null;
    }
    String fix =
        "; send \"messages\" as an array of message objects, such as"
            + " [{\"role\": \"user\", \"content\": \"Hi\"}]";
    if (!messages.isArray()) {
      return "\"messages\" must be an array of objects, got " + describe(messages) + fix;
    }
    for (int i = 0; i < messages.size(); i++) {
      if (!messages.get(i).isObject()) {
        return "\"messages\" must be an array of objects, but element "
            + i
            + " is "
            + describe(messages.get(i))
            + fix;
      }
    }
    return null;
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
    };
  }

  private static long declaredLength(HttpServerRequest request) {
    String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Maximum length of a model name: far above any provider's, short enough for logs and labels. */
  static final int MAX_MODEL_CHARS = 256;

  /**
   * Returns why {@code model} cannot be a model name, or null when it can: the name becomes a
   * stored column, a metric label and part of log lines, which a control character would break.
   */
  static String modelProblem(String model) {
    if (model.length() > MAX_MODEL_CHARS) {
      return "\"model\" is "
          + model.length()
          + " characters long; model names are at most "
          + MAX_MODEL_CHARS
          + " characters";
    }
    for (int i = 0; i < model.length(); i++) {
      int type = Character.getType(model.charAt(i));
      // Line and paragraph separators break log lines too; format characters (zero-width space,
      // bidirectional overrides) make a name look like another.
      if (Character.isISOControl(model.charAt(i))
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR
          || type == Character.FORMAT) {
        return "\"model\" contains the character U+"
            + String.format(Locale.ROOT, "%04X", (int) model.charAt(i))
            + " at position "
            + i
            + "; send the model name without line breaks, control or format characters";
      }
    }
    return null;
  }
}
