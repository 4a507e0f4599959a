package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.pricing.PriceTable;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.gateway.metrics.GatewayMetrics;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.recorder.Recorder;
import dev.lookout.store.recorder.RecorderSettings;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls still open when the shutdown grace runs out are cut, and each is recorded as cut by the
 * shutdown however its upstream connection's close reads: as a broken body or as a clean end.
 */
class ShutdownCutTest {
  /** Calls open at once: each one's cut races the gateway's stop on its own. */
  private static final int CALLS = 5;

  /**
   * Gateways started and stopped in turn. Which connection a stop closes first tends to be the same
   * for all calls of one stop, so the race shows only over several stops.
   */
  private static final int ROUNDS = 4;

  private static final String EVENT =
      "data: {\"id\":\"c\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
          + "\"delta\":{\"content\":\"token \"}}]}\n\n";

  private static final int COMPLETION_TOKENS = 200;

  private static final String COMPLETION =
      "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":\""
          + "token ".repeat(COMPLETION_TOKENS)
          + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":"
          + COMPLETION_TOKENS
          + ",\"total_tokens\":"
          + (12 + COMPLETION_TOKENS)
          + "}}";

  @TempDir Path data;

  @Test
  void closeDelimitedStreamsRecordShutdown() throws Exception {
    try (Http10Upstream upstream = Http10Upstream.endlessStream(EVENT, 20)) {
      stopInRounds(upstream.url(), true);
    }
  }

  @Test
  void closeDelimitedBodiesRecordShutdown() throws Exception {
    // 8 bytes every 20 ms: the body takes seconds, far past the grace.
    try (Http10Upstream upstream = Http10Upstream.slowBody("application/json", COMPLETION, 8, 20)) {
      stopInRounds(upstream.url(), false);
    }
  }

  @Test
  void closeDelimitedBodyDoneInGraceSucceeds() throws Exception {
    // 64 bytes every 20 ms: the body takes about half a second, well within the grace.
    try (Http10Upstream upstream =
        Http10Upstream.slowBody("application/json", COMPLETION, 64, 20)) {
      Path store = data.resolve("done");
      Recorder recorder = new Recorder(DuckDbCallStore.open(store), RecorderSettings.defaults());
      GatewayServer gateway = start(upstream.url(), recorder, Duration.ofSeconds(30));
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<InputStream> response =
          http.send(
              chatRequest(gateway.url(), 0, false), HttpResponse.BodyHandlers.ofInputStream());
      InputStream body = response.body();
      int first = body.read();
      assertThat(first).isNotNegative();
      CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> readAll(body));

      gateway.stop();
      recorder.close(Duration.ofSeconds(30));

      assertThat((char) first + reader.join()).isEqualTo(COMPLETION);
      try (DuckDbCallStore records = DuckDbCallStore.open(store)) {
        List<CallRecord> recent = records.recent(10);
        assertThat(recent).hasSize(1);
        assertThat(recent.get(0).status()).isEqualTo(CallStatus.SUCCESS);
        assertThat(recent.get(0).outputTokens()).isEqualTo(COMPLETION_TOKENS);
      }
    }
  }

  @Test
  void chunkedStreamsRecordShutdown() throws Exception {
    try (FakeUpstream upstream = new FakeUpstream()) {
      upstream.handler(
          (request, body) ->
              writeForever(
                  upstream,
                  request
                      .response()
                      .setStatusCode(200)
                      .setChunked(true)
                      .putHeader("content-type", "text/event-stream")));
      stopInRounds(upstream.url(), true);
    }
  }

  @Test
  void providerFailureDuringGraceIsProviders() throws Exception {
    CompletableFuture<Void> fail = new CompletableFuture<>();
    try (FakeUpstream upstream = new FakeUpstream()) {
      upstream.handler(
          (request, body) -> {
            HttpServerResponse response =
                request
                    .response()
                    .setStatusCode(200)
                    .setChunked(true)
                    .putHeader("content-type", "text/event-stream");
            response.write(EVENT);
            fail.thenRun(() -> upstream.vertx().runOnContext(v -> response.reset()));
          });
      Path store = data.resolve("grace");
      Recorder recorder = new Recorder(DuckDbCallStore.open(store), RecorderSettings.defaults());
      GatewayServer gateway = start(upstream.url(), recorder, Duration.ofSeconds(30));
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<InputStream> response =
          http.send(chatRequest(gateway.url(), 0, true), HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.body().read()).isNotNegative();
      CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> drain(response.body()));

      CompletableFuture<Void> stop = CompletableFuture.runAsync(gateway::stop);
      // Lets the stop begin its grace first; a failure before it is recorded the same way.
      Thread.sleep(300);
      fail.complete(null);
      stop.join();
      recorder.close(Duration.ofSeconds(30));
      reader.join();

      try (DuckDbCallStore records = DuckDbCallStore.open(store)) {
        CallRecord record = records.recent(10).get(0);
        assertThat(record.status()).isEqualTo(CallStatus.ERROR);
        assertThat(record.errorType()).isEqualTo("upstream_disconnected");
      }
    }
  }

  /**
   * Cuts calls, streamed or not, in {@link #ROUNDS} gateways in turn and checks the records of each
   * stop.
   */
  private void stopInRounds(String upstreamUrl, boolean stream) throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      List<CallRecord> records = cutCalls(upstreamUrl, stream, data.resolve("round-" + round));
      assertCutByShutdown(records);
      if (stream) {
        assertThat(records).allSatisfy(record -> assertThat(record.outputTokens()).isPositive());
      }
    }
  }

  /**
   * Opens {@link #CALLS} calls through a gateway with a short grace, stops the gateway while their
   * responses run and returns the records stored in {@code store}.
   */
  private static List<CallRecord> cutCalls(String upstreamUrl, boolean stream, Path store)
      throws Exception {
    Recorder recorder = new Recorder(DuckDbCallStore.open(store), RecorderSettings.defaults());
    GatewayServer gateway = start(upstreamUrl, recorder, Duration.ofMillis(200));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<Void>> readers = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      HttpResponse<InputStream> response =
          http.send(
              chatRequest(gateway.url(), i, stream), HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      InputStream body = response.body();
      // The first byte shows that the upstream's response reaches the client through the gateway.
      assertThat(body.read()).isNotNegative();
      readers.add(CompletableFuture.runAsync(() -> drain(body)));
    }

    gateway.stop();
    recorder.close(Duration.ofSeconds(30));
    CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).join();

    try (DuckDbCallStore records = DuckDbCallStore.open(store)) {
      return records.recent(CALLS + 10);
    }
  }

  private static GatewayServer start(String upstreamUrl, Recorder recorder, Duration grace) {
    return GatewayServer.start(
        GatewaySettings.defaults()
            .withPort(0)
            .withUpstream(URI.create(upstreamUrl))
            .withShutdownGrace(grace),
        recorder::offer,
        PriceTable.builtIn(),
        new GatewayMetrics(GatewayMetrics.DEFAULT_LABEL_CAP),
        (since, by) -> "{}");
  }

  private static void assertCutByShutdown(List<CallRecord> records) {
    assertThat(records).hasSize(CALLS);
    assertThat(records)
        .allSatisfy(
            record -> {
              assertThat(record.status()).isEqualTo(CallStatus.CANCELLED);
              assertThat(record.errorType()).isEqualTo("gateway_shutdown");
              assertThat(record.errorMessage()).contains("shutdown_grace ran out");
            });
  }

  private static HttpRequest chatRequest(String gatewayUrl, int index, boolean stream) {
    return HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/chat/completions"))
        .timeout(Duration.ofSeconds(30))
        .header("content-type", "application/json")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"model\":\"gpt-4o\",\"stream\":"
                    + stream
                    + ",\"messages\":[{\"role\":\"user\",\"content\":\"call "
                    + index
                    + "\"}]}"))
        .build();
  }

  /** Reads the rest of a stream as a client does, until the gateway ends or cuts it. */
  private static void drain(InputStream body) {
    try (body) {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // A cut stream may end with an error on the client's side; the record is what counts.
    }
  }

  private static String readAll(InputStream body) {
    try (body) {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one event every 20 ms until the gateway closes the connection. */
  private static void writeForever(FakeUpstream upstream, HttpServerResponse response) {
    if (response.closed()) {
      return;
    }
    response.write(EVENT);
    upstream.vertx().setTimer(20, id -> writeForever(upstream, response));
  }
}
