package dev.lookout.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test gateway on 127.0.0.1 that keeps every request and responds after a fixed delay with a
 * minimal chat completion, or with {@code data: [DONE]} for a stream.
 */
final class RecordingGateway implements AutoCloseable {
  record Received(MultiMap headers, JsonNode body) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  final List<Received> requests = new CopyOnWriteArrayList<>();
  final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;

  RecordingGateway(long answerDelayMs) {
    server =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(
                request -> {
                  maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  request
                      .body()
                      .onSuccess(
                          buffer -> {
                            JsonNode body = parse(buffer.toString());
                            requests.add(new Received(request.headers(), body));
                            vertx.setTimer(
                                Math.max(1, answerDelayMs),
                                ignored -> {
                                  inFlight.decrementAndGet();
                                  if (body.path("stream").asBoolean()) {
                                    request.response().end("data: {}\n\ndata: [DONE]\n\n");
                                  } else {
                                    request.response().end("{\"choices\":[]}");
                                  }
                                });
                          });
                })
            .listen()
            .await();
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  private static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close().await();
    vertx.close().await();
  }
}
