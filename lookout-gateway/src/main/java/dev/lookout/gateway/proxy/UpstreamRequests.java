package dev.lookout.gateway.proxy;

import dev.lookout.gateway.GatewaySettings;
import dev.lookout.gateway.Upstreams;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.net.URI;

/** Builds the upstream request for a client request: same method, path and query. */
final class UpstreamRequests {
  private UpstreamRequests() {}

  static RequestOptions options(GatewaySettings settings, HttpServerRequest request) {
    return options(settings.upstream(), request, request.uri());
  }

  /**
   * Builds the request to {@code upstream} with {@code uri} (path and query) in place of the
   * client's.
   */
  static RequestOptions options(URI upstream, HttpServerRequest request, String uri) {
    return new RequestOptions()
        .setMethod(request.method())
        .setHost(upstream.getHost())
        .setPort(Upstreams.port(upstream))
        .setSsl(Upstreams.tls(upstream))
        .setURI(upstreamUri(Upstreams.basePath(upstream), uri));
  }

  /**
   * Joins the upstream's base path and the request URI. A base path that already ends in {@code
   * /v1} (as in {@code https://api.openai.com/v1}, the form SDKs use) is not doubled.
   */
  static String upstreamUri(String basePath, String requestUri) {
    if (basePath.endsWith("/v1") && (requestUri.startsWith("/v1/") || requestUri.equals("/v1"))) {
      return basePath + requestUri.substring(3);
    }
    return basePath + requestUri;
  }
}
