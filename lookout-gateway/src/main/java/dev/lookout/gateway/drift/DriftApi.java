package dev.lookout.gateway.drift;

import dev.lookout.core.time.DurationText;
import dev.lookout.gateway.error.GatewayError;
import dev.lookout.gateway.proxy.ProxyHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drift routes: {@code GET /api/v1/drift} (each template's state, from memory) and {@code GET
 * /api/v1/drift/history?template=T&since=S} (stored results, read on a worker thread). Without a
 * monitor both return 404 {@code feature_off}.
 */
public final class DriftApi {
  private static final Logger LOG = LoggerFactory.getLogger(DriftApi.class);
  private static final String DEFAULT_SINCE = "7d";

  private final Vertx vertx;
  private final DriftMonitor monitor;
  private final Clock clock;

  /**
   * @param monitor the running monitor, or null when drift detection is off
   */
  public DriftApi(Vertx vertx, DriftMonitor monitor, Clock clock) {
    this.vertx = vertx;
    this.monitor = monitor;
    this.clock = clock;
  }

  /** Returns whether this class serves {@code path}. */
  public static boolean serves(String path) {
    return path.equals("/api/v1/drift") || path.equals("/api/v1/drift/history");
  }

  /** Handles a GET of one of the paths {@link #serves} accepts. */
  public void handle(HttpServerRequest request) {
    if (monitor == null) {
      ProxyHandler.writeError(
          request.response(),
          GatewayError.FEATURE_OFF,
          "Drift detection is off; turn it on with drift.enabled: true in lookout.yaml,"
              + " LOOKOUT_DRIFT_ENABLED=true or --drift");
      return;
    }
    if (request.path().equals("/api/v1/drift")) {
      respond(request, DriftJson.templates(monitor.statuses()));
      return;
    }
    Instant since;
    try {
      since = since(request.getParam("since", DEFAULT_SINCE));
    } catch (IllegalArgumentException e) {
      ProxyHandler.writeError(request.response(), GatewayError.INVALID_QUERY, e.getMessage());
      return;
    }
    String template = request.getParam("template");
    vertx
        .executeBlocking(() -> DriftJson.history(monitor.store().history(template, since)), false)
        .onSuccess(json -> respond(request, json))
        .onFailure(
            failure -> {
              LOG.error("api: drift history of template '{}' failed", template, failure);
              ProxyHandler.writeError(
                  request.response(),
                  GatewayError.INTERNAL,
                  "Reading the drift history failed: "
                      + failure.getMessage()
                      + "; see the gateway's log for details");
            });
  }

  /** Reads {@code since} as an ISO-8601 time or a duration back from now, such as 24h. */
  private Instant since(String text) {
    if (text.length() > 10 && Character.isDigit(text.charAt(0)) && text.contains("T")) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "Invalid since '"
                + text
                + "': use an ISO-8601 UTC time such as"
                + " 2026-12-04T18:00:00Z or a duration such as 24h",
            e);
      }
    }
    try {
      return clock.instant().minus(DurationText.parse("since", text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage() + "; an ISO-8601 UTC time such as 2026-12-04T18:00:00Z also works", e);
    }
  }

  private static void respond(HttpServerRequest request, String json) {
    request.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(json);
  }
}
