package dev.lookout.gateway.api;

import dev.lookout.gateway.error.GatewayError;
import dev.lookout.gateway.proxy.ProxyHandler;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lookout's own routes: {@code /metrics} (Prometheus text or OpenMetrics, chosen by the Accept
 * header), {@code /api/v1/report} and {@code /healthz}. Work that may block runs on a worker
 * thread, never on the event loop.
 */
public final class ApiHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  private final Vertx vertx;
  private final PrometheusRegistry registry;
  private final ExpositionFormats formats = ExpositionFormats.init();
  private final ReportService reports;

  public ApiHandler(Vertx vertx, PrometheusRegistry registry, ReportService reports) {
    this.vertx = vertx;
    this.registry = registry;
    this.reports = reports;
  }

  public void metrics(HttpServerRequest request) {
    ExpositionFormatWriter writer = formats.findWriter(request.getHeader(HttpHeaders.ACCEPT));
    vertx
        .executeBlocking(
            () -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
              try {
                writer.write(out, registry.scrape());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return Buffer.buffer(out.toByteArray());
            })
        .onSuccess(
            body ->
                request
                    .response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, writer.getContentType())
                    .end(body))
        .onFailure(failure -> internalError(request, "metrics", failure));
  }

  public void report(HttpServerRequest request) {
    String since = request.getParam("since", "24h");
    String by = request.getParam("by", "model");
    vertx
        .executeBlocking(() -> reports.reportJson(since, by), false)
        .onSuccess(
            json ->
                request
                    .response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(json))
        .onFailure(
            failure -> {
              if (failure instanceof IllegalArgumentException) {
                ProxyHandler.writeError(
                    request.response(), GatewayError.INVALID_QUERY, failure.getMessage());
              } else {
                internalError(request, "report", failure);
              }
            });
  }

  public void health(HttpServerRequest request) {
    request
        .response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end("{\"status\":\"ok\"}");
  }

  private static void internalError(HttpServerRequest request, String route, Throwable failure) {
    LOG.error("api: {} failed", route, failure);
    ProxyHandler.writeError(
        request.response(),
        GatewayError.INTERNAL,
        route + " failed: " + failure.getMessage() + "; see the gateway's log for details");
  }
}
