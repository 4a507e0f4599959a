package dev.lookout.gateway;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gateway's HTTP servers, one per event loop, all on one port. A server created outside a
 * verticle runs on a single event loop, so the gateway could use only one core. Vert.x spreads the
 * connections of servers that share a port over their event loops.
 */
final class Listeners {
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private int port;

  private Listeners() {}

  /**
   * Binds {@code count} servers to {@code options}' port and waits until all listen. Port 0 picks
   * one free port for all of them. Each server gets its request handler from {@code handlers},
   * called on the server's event loop.
   *
   * @throws Exception if a server cannot bind within 30 s
   */
  static Listeners start(
      Vertx vertx,
      HttpServerOptions options,
      Supplier<Handler<HttpServerRequest>> handlers,
      int count)
      throws Exception {
    Listeners listeners = new Listeners();
    HttpServerOptions shared = new HttpServerOptions(options);
    if (options.getPort() == 0) {
      // Vert.x gives each server on port 0 its own free port. Servers that request the same
      // negative port share one free port instead.
      shared.setPort(-1);
    }
    listeners.deploy(vertx, shared, handlers, count).await(30, TimeUnit.SECONDS);
    listeners.port = listeners.servers.get(0).actualPort();
    return listeners;
  }

  private Future<String> deploy(
      Vertx vertx,
      HttpServerOptions options,
      Supplier<Handler<HttpServerRequest>> handlers,
      int instances) {
    return vertx.deployVerticle(
        () ->
            new VerticleBase() {
              @Override
              public Future<?> start() {
                HttpServer server = vertx.createHttpServer(options).requestHandler(handlers.get());
                servers.add(server);
                return server.listen();
              }
            },
        new DeploymentOptions().setInstances(instances));
  }

  /** Returns the port every server listens on. */
  int port() {
    return port;
  }

  /** Returns the number of servers, one per event loop. */
  int count() {
    return servers.size();
  }

  /** Stops every server from accepting connections and lets open requests finish. */
  void shutdown(long graceMillis) {
    for (HttpServer server : servers) {
      server.shutdown(graceMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** Closes every server, cutting the requests still open. */
  Future<Void> close() {
    List<Future<Void>> closed = new ArrayList<>();
    for (HttpServer server : servers) {
      closed.add(server.close());
    }
    return Future.all(closed).mapEmpty();
  }
}
