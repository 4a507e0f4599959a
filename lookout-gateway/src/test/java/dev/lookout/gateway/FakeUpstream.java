package dev.lookout.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A programmable provider on 127.0.0.1 for gateway tests. Each test sets the handler that responds;
 * the last request's headers and body are kept for assertions.
 */
public final class FakeUpstream implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile BiConsumer<HttpServerRequest, Buffer> handler;
  private volatile MultiMap lastHeaders;
  private volatile String lastBody;

  public FakeUpstream() throws Exception {
    handler = (request, body) -> request.response().setStatusCode(500).end("no handler set");
    server =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
                              requests.incrementAndGet();
                              lastHeaders =
                                  MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
                              lastBody = body.toString();
                              handler.accept(request, body);
                            }))
            .listen()
            .await(10, TimeUnit.SECONDS);
  }

  public void handler(BiConsumer<HttpServerRequest, Buffer> value) {
    this.handler = value;
  }

  /** Responds to every request with {@code status}, {@code contentType} and {@code body}. */
  public void respond(int status, String contentType, String body) {
    handler(
        (request, ignored) ->
            request
                .response()
                .setStatusCode(status)
                .putHeader("content-type", contentType)
                .putHeader("x-request-id", "req_fake")
                .end(body));
  }

  /**
   * Responds with an event stream written in pieces, {@code gapMillis} apart, as a provider streams
   * tokens.
   */
  public void stream(String body, int pieces, long gapMillis) {
    handler(
        (request, ignored) -> {
          var response =
              request
                  .response()
                  .setStatusCode(200)
                  .setChunked(true)
                  .putHeader("content-type", "text/event-stream; charset=utf-8");
          int size = Math.max(1, (body.length() + pieces - 1) / pieces);
          writePiece(response, body, 0, size, gapMillis);
        });
  }

  /**
   * Responds with an event stream written one piece per chunk, {@code gapMillis} apart, then hands
   * the response to {@code after}, which ends it, closes its connection or leaves it open.
   */
  public void pieces(
      java.util.List<String> pieces,
      long gapMillis,
      java.util.function.Consumer<io.vertx.core.http.HttpServerResponse> after) {
    handler(
        (request, ignored) -> {
          var response =
              request
                  .response()
                  .setStatusCode(200)
                  .setChunked(true)
                  .putHeader("content-type", "text/event-stream; charset=utf-8");
          writeEach(response, pieces, 0, gapMillis, after);
        });
  }

  private void writeEach(
      io.vertx.core.http.HttpServerResponse response,
      java.util.List<String> pieces,
      int next,
      long gapMillis,
      java.util.function.Consumer<io.vertx.core.http.HttpServerResponse> after) {
    if (response.closed()) {
      return;
    }
    if (next == pieces.size()) {
      after.accept(response);
      return;
    }
    response.write(pieces.get(next));
    vertx.setTimer(
        Math.max(1, gapMillis), id -> writeEach(response, pieces, next + 1, gapMillis, after));
  }

  private void writePiece(
      io.vertx.core.http.HttpServerResponse response,
      String body,
      int offset,
      int size,
      long gapMillis) {
    if (response.closed()) {
      return;
    }
    if (offset >= body.length()) {
      response.end();
      return;
    }
    int end = Math.min(body.length(), offset + size);
    response.write(body.substring(offset, end));
    vertx.setTimer(Math.max(1, gapMillis), id -> writePiece(response, body, end, size, gapMillis));
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  public int requests() {
    return requests.get();
  }

  public MultiMap lastHeaders() {
    return lastHeaders;
  }

  public String lastBody() {
    return lastBody;
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
