package dev.lookout.gateway.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.experiment.AnalysisJson;
import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.experiment.ExperimentAnalyzer;
import dev.lookout.core.experiment.Feedback;
import dev.lookout.core.experiment.Variant;
import dev.lookout.gateway.error.GatewayError;
import dev.lookout.gateway.proxy.ProxyHandler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes of experiments and feedback: {@code GET /api/v1/experiments}, {@code GET
 * /api/v1/experiments/{id}} (the analysis, as {@code lookout experiment analyze} prints it) and
 * {@code POST /v1/feedback}. Store work runs on worker threads.
 *
 * <p>Records reach the store through the recorder's queue, and a client can read a whole response
 * body before its record is queued. So feedback that finds no stored call makes the recorder write
 * what it has queued and looks again, every {@link #FEEDBACK_RETRY_MILLIS} ms for up to {@link
 * #FEEDBACK_WAIT_MILLIS} ms, before it returns 404.
 */
public final class ExperimentApi {
  /** Largest feedback body accepted, in bytes. */
  static final int MAX_FEEDBACK_BYTES = 64 * 1024;

  /** Maximum wait for the call of a feedback to reach the store, in milliseconds. */
  static final long FEEDBACK_WAIT_MILLIS = 1000;

  /** Pause between looks for the call of a feedback, in milliseconds. */
  static final long FEEDBACK_RETRY_MILLIS = 100;

  private static final String LIST_PATH = "/api/v1/experiments";
  private static final String FEEDBACK_PATH = "/v1/feedback";
  private static final Logger LOG = LoggerFactory.getLogger(ExperimentApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final ExperimentSettings settings;
  private final Map<String, Experiment> experiments;

  public ExperimentApi(Vertx vertx, ExperimentSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.experiments = settings.byId();
  }

  /** Handles the request and returns true when its path is one of these routes. */
  public boolean handle(HttpServerRequest request) {
    String path = request.path();
    boolean get = request.method() == HttpMethod.GET;
    if (path.equals(FEEDBACK_PATH)) {
      if (request.method() != HttpMethod.POST) {
        methodNotAllowed(request, "POST");
      } else {
        feedback(request);
      }
      return true;
    }
    if (path.equals(LIST_PATH) || path.startsWith(LIST_PATH + "/")) {
      if (!get) {
        methodNotAllowed(request, "GET");
      } else if (experiments.isEmpty()) {
        ProxyHandler.writeError(
            request.response(),
            GatewayError.FEATURE_OFF,
            "No experiments are configured; add an experiments: list to lookout.yaml and restart"
                + " the gateway");
      } else if (path.equals(LIST_PATH)) {
        list(request);
      } else {
        analysis(request, path.substring(LIST_PATH.length() + 1));
      }
      return true;
    }
    return false;
  }

  private void list(HttpServerRequest request) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("experiments");
    for (Experiment experiment : experiments.values()) {
      ObjectNode node = list.addObject();
      node.put("id", experiment.id());
      node.put("control", experiment.control());
      ArrayNode variants = node.putArray("variants");
      List<Double> shares = experiment.normalisedWeights();
      for (int i = 0; i < experiment.variants().size(); i++) {
        Variant variant = experiment.variants().get(i);
        variants.addObject().put("name", variant.name()).put("weight", shares.get(i));
      }
      ArrayNode metrics = node.putArray("metrics");
      experiment.metrics().forEach(metrics::add);
      if (experiment.mde() == null) {
        node.putNull("mde");
      } else {
        node.put("mde", experiment.mde());
      }
      node.put("start", experiment.start() == null ? null : experiment.start().toString());
      node.put("stop", experiment.stop() == null ? null : experiment.stop().toString());
    }
    json(request, 200, root.toString());
  }

  private void analysis(HttpServerRequest request, String id) {
    Experiment experiment = experiments.get(id);
    if (experiment == null) {
      ProxyHandler.writeError(
          request.response(),
          GatewayError.EXPERIMENT_NOT_FOUND,
          "No experiment '" + id + "'; configured experiments: " + experiments.keySet());
      return;
    }
    if (settings.queries() == null) {
      ProxyHandler.writeError(
          request.response(),
          GatewayError.FEATURE_OFF,
          "This gateway has no call store to analyse; run it with lookout serve");
      return;
    }
    vertx
        .executeBlocking(
            () -> {
              settings.flushRecorder().run();
              return AnalysisJson.write(
                  ExperimentAnalyzer.analyze(experiment, settings.queries().data(experiment)));
            },
            false)
        .onSuccess(body -> json(request, 200, body))
        .onFailure(failure -> internalError(request, "experiment " + id, failure));
  }

  private void feedback(HttpServerRequest request) {
    if (settings.feedback() == null) {
      ProxyHandler.writeError(
          request.response(),
          GatewayError.FEATURE_OFF,
          "This gateway has no call store for feedback; run it with lookout serve");
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] tooLarge = {false};
    request.handler(
        chunk -> {
          if (body.length() + chunk.length() > MAX_FEEDBACK_BYTES) {
            tooLarge[0] = true;
          } else if (!tooLarge[0]) {
            body.appendBuffer(chunk);
          }
        });
    request.endHandler(
        v -> {
          if (tooLarge[0]) {
            ProxyHandler.writeError(
                request.response(),
                GatewayError.BODY_TOO_LARGE,
                "Feedback body is over " + MAX_FEEDBACK_BYTES + " bytes; send one score per call");
            return;
          }
          Feedback feedback;
          try {
            feedback = FeedbackRequest.parse(body.toString(), Instant.now());
          } catch (IllegalArgumentException e) {
            ProxyHandler.writeError(request.response(), GatewayError.INVALID_JSON, e.getMessage());
            return;
          }
          vertx
              .executeBlocking(() -> store(feedback), false)
              .onSuccess(stored -> answerFeedback(request, feedback, stored))
              .onFailure(failure -> internalError(request, "feedback", failure));
        });
  }

  private boolean store(Feedback feedback) throws InterruptedException {
    long deadline = System.nanoTime() + FEEDBACK_WAIT_MILLIS * 1_000_000;
    while (!settings.feedback().record(feedback)) {
      // NOTE: an unknown id occupies a worker thread for up to FEEDBACK_WAIT_MILLIS.
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      settings.flushRecorder().run();
      if (settings.feedback().record(feedback)) {
        return true;
      }
      Thread.sleep(FEEDBACK_RETRY_MILLIS);
    }
    return true;
  }

  private static void answerFeedback(HttpServerRequest request, Feedback feedback, boolean stored) {
    if (!stored) {
      LOG.debug("feedback: no call with request id {}", feedback.requestId());
      ProxyHandler.writeError(
          request.response(),
          GatewayError.UNKNOWN_REQUEST_ID,
          "No recorded call has request id '"
              + feedback.requestId()
              + "'; use the x-lookout-request-id header of a response from this gateway");
      return;
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("request_id", feedback.requestId());
    answer.put("name", feedback.name());
    if (feedback.isBoolean()) {
      answer.put("value", feedback.value() == 1);
    } else {
      answer.put("value", feedback.value());
    }
    json(request, 200, answer.toString());
  }

  private static void methodNotAllowed(HttpServerRequest request, String allowed) {
    ProxyHandler.writeError(
        request.response(),
        GatewayError.METHOD_NOT_ALLOWED,
        request.method() + " " + request.path() + " is not supported; use " + allowed);
  }

  private static void json(HttpServerRequest request, int status, String body) {
    request
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body);
  }

  private static void internalError(HttpServerRequest request, String route, Throwable failure) {
    LOG.error("api: {} failed", route, failure);
    ProxyHandler.writeError(
        request.response(),
        GatewayError.INTERNAL,
        route + " failed: " + failure.getMessage() + "; see the gateway's log for details");
  }

  /** Parses the body of {@code POST /v1/feedback}. */
  static final class FeedbackRequest {
    private FeedbackRequest() {}

    static Feedback parse(String text, Instant now) {
      JsonNode node;
      try {
        node = JSON.readTree(text);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        node = null;
      }
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(
            "Feedback must be a JSON object such as {\"request_id\": \"...\", \"name\":"
                + " \"thumbs_up\", \"value\": true}");
      }
      JsonNode requestId = node.path("request_id");
      JsonNode name = node.path("name");
      JsonNode value = node.path("value");
      if (!requestId.isTextual() || !name.isTextual()) {
        throw new IllegalArgumentException(
            "Feedback needs string fields \"request_id\" and \"name\", got " + abbreviate(text));
      }
      if (value.isBoolean()) {
        return Feedback.ofBoolean(requestId.asText(), name.asText(), value.asBoolean(), now);
      }
      if (value.isNumber()) {
        return Feedback.ofNumber(requestId.asText(), name.asText(), value.asDouble(), now);
      }
      throw new IllegalArgumentException(
          "Feedback \"value\" must be a number or a boolean, got " + value);
    }

    private static String abbreviate(String text) {
      return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
  }
}
