package dev.lookout.gateway.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.gateway.error.GatewayError;
import dev.lookout.gateway.proxy.ProxyHandler;
import dev.lookout.store.payload.Payload;
import dev.lookout.store.payload.PayloadStoreException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/calls/{request_id}/payload}: the stored bodies of one call as {@code
 * {"request": ..., "response": ..., "capture": "redacted|full", "request_id", "timestamp",
 * "stream"}}. Returns 404 when the call has no stored payload (capture off, sampled out, dropped,
 * or an unknown id), and 404 {@code feature_off} when no payload store is configured.
 */
public final class PayloadApi {
  private static final Logger LOG = LoggerFactory.getLogger(PayloadApi.class);
  private static final Pattern PATH = Pattern.compile("/api/v1/calls/([^/]+)/payload");

  private final Vertx vertx;
  private final PayloadCapture capture;

  public PayloadApi(Vertx vertx, PayloadCapture capture) {
    this.vertx = vertx;
    this.capture = capture;
  }

  /** Returns whether {@code path} is this route. */
  public static boolean matches(String path) {
    return PATH.matcher(path).matches();
  }

  public void handle(HttpServerRequest request) {
    Matcher matcher = PATH.matcher(request.path());
    if (!matcher.matches()) {
      ProxyHandler.writeError(
          request.response(), GatewayError.ROUTE_NOT_FOUND, "No route for " + request.path());
      return;
    }
    String requestId = matcher.group(1);
    if (!capture.storeConfigured()) {
      ProxyHandler.writeError(
          request.response(),
          GatewayError.FEATURE_OFF,
          "Payload capture is off, so no bodies are stored; start the gateway with --capture"
              + " redacted or set capture.mode in lookout.yaml");
      return;
    }
    vertx
        .executeBlocking(() -> capture.find(requestId), false)
        .onSuccess(payload -> reply(request, requestId, payload))
        .onFailure(failure -> fail(request, requestId, failure));
  }

  private static void reply(HttpServerRequest request, String requestId, Optional<Payload> found) {
    if (found.isEmpty()) {
      ProxyHandler.writeError(
          request.response(),
          GatewayError.PAYLOAD_NOT_FOUND,
          "No payload is stored for request "
              + requestId
              + "; its call was not captured (capture off or sampled out), its payload was"
              + " dropped, failed to store (see lookout_payloads_failed_total and the log) or"
              + " was deleted by retention, or the id is unknown");
      return;
    }
    ObjectNode body = found.get().toJson();
    request.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.toString());
  }

  private static void fail(HttpServerRequest request, String requestId, Throwable failure) {
    if (failure instanceof IllegalArgumentException) {
      ProxyHandler.writeError(
          request.response(), GatewayError.INVALID_REQUEST_ID, failure.getMessage());
      return;
    }
    if (failure instanceof PayloadStoreException) {
      LOG.warn(
          "api: reading the payload of request {} failed: {}", requestId, failure.getMessage());
      ProxyHandler.writeError(
          request.response(), GatewayError.PAYLOAD_STORE_FAILED, failure.getMessage());
      return;
    }
    LOG.error("api: reading the payload of request {} failed", requestId, failure);
    ProxyHandler.writeError(
        request.response(),
        GatewayError.INTERNAL,
        "Reading the payload of " + requestId + " failed: " + failure + "; see the gateway's log");
  }
}
