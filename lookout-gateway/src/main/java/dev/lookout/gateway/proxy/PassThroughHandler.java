package dev.lookout.gateway.proxy;

import dev.lookout.gateway.GatewaySettings;
import dev.lookout.gateway.error.GatewayError;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards requests that are not LLM calls, such as {@code GET /v1/models}, without recording them:
 * they carry no tokens or cost, and counting them would skew the reports.
 */
public final class PassThroughHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PassThroughHandler.class);

  private final HttpClient client;
  private final GatewaySettings settings;

  public PassThroughHandler(HttpClient client, GatewaySettings settings) {
    this.client = client;
    this.settings = settings;
  }

  public void handle(HttpServerRequest request) {
    request.pause();
    client
        .request(UpstreamRequests.options(settings, request))
        .compose(
            upstream -> {
              ForwardHeaders.copyRequest(request.headers(), upstream.headers());
              return upstream.send(request);
            })
        .onSuccess(upstream -> relay(upstream, request.response()))
        .onFailure(
            failure -> {
              LOG.warn(
                  "proxy: {} {} to upstream {} failed: {}",
                  request.method(),
                  request.path(),
                  settings.upstreamForDisplay(),
                  failure.toString());
              ProxyHandler.writeError(
                  request.response(),
                  GatewayError.UPSTREAM_UNREACHABLE,
                  "Upstream "
                      + settings.upstreamForDisplay()
                      + " is unreachable: "
                      + failure.getMessage()
                      + "; check --upstream and that the provider is up");
            });
  }

  private static void relay(HttpClientResponse upstream, HttpServerResponse response) {
    response.setStatusCode(upstream.statusCode());
    ForwardHeaders.copyResponse(upstream.headers(), response.headers());
    if (upstream.getHeader("content-length") == null) {
      response.setChunked(true);
    }
    upstream.pipeTo(response);
  }
}
