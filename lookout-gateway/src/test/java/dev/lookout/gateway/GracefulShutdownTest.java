package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.pricing.PriceTable;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.gateway.metrics.GatewayMetrics;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.recorder.Recorder;
import dev.lookout.store.recorder.RecorderSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the gateway under load lets calls in flight finish and loses no record. */
class GracefulShutdownTest {
  private static final int CALLS = 100;

  @TempDir Path data;

  @Test
  void stopUnderLoadLosesNoRecord() throws Exception {
    StringBuilder sse = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sse.append("data: {\"id\":\"c\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,")
          .append("\"delta\":{\"content\":\"token \"}}]}\n\n");
    }
    sse.append("data: [DONE]\n\n");
    try (FakeUpstream upstream = new FakeUpstream()) {
      upstream.stream(sse.toString(), 20, 40);
      Recorder recorder = new Recorder(DuckDbCallStore.open(data), RecorderSettings.defaults());
      GatewayServer gateway =
          GatewayServer.start(
              GatewaySettings.defaults()
                  .withPort(0)
                  .withUpstream(URI.create(upstream.url()))
                  .withShutdownGrace(Duration.ofSeconds(20)),
              recorder::offer,
              PriceTable.builtIn(),
              new GatewayMetrics(GatewayMetrics.DEFAULT_LABEL_CAP),
              (since, by) -> "{}");
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/chat/completions"))
                .header("content-type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":"
                            + "[{\"role\":\"user\",\"content\":\"call "
                            + i
                            + "\"}]}"))
                .build();
        responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (upstream.requests() < CALLS && System.nanoTime() - deadline < 0) {
        Thread.sleep(5);
      }

      gateway.stop();
      recorder.close(Duration.ofSeconds(30));

      int complete = 0;
      for (CompletableFuture<HttpResponse<String>> response : responses) {
        HttpResponse<String> done = response.join();
        if (done.statusCode() == 200 && done.body().contains("[DONE]")) {
          complete++;
        }
      }
      assertThat(upstream.requests()).isEqualTo(CALLS);
      assertThat(complete).isEqualTo(CALLS);
      try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
        List<CallRecord> records = store.recent(CALLS + 10);
        assertThat(records).hasSize(CALLS);
        assertThat(records).allMatch(record -> record.status() == CallStatus.SUCCESS);
      }
    }
  }
}
