package dev.lookout.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamCancelTest {
  Vertx vertx;
  UpstreamSimulator simulator;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    String longAnswer = "word ".repeat(500);
    simulator =
        UpstreamSimulator.start(
                vertx,
                SimulatorSettings.defaults().withTiming(0, 20),
                List.of(TrafficRecord.of("Talk for a long time.", longAnswer, "gpt-4o")))
            .await();
  }

  @AfterEach
  void stop() {
    simulator.close().await();
    vertx.close().await();
  }

  @Test
  void disconnectStopsStream() throws Exception {
    String body =
        "{\"model\":\"gpt-4o\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Talk for a long time.\"}]}";
    try (Socket socket = new Socket("127.0.0.1", simulator.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/json\r\nContent-Length: "
                  + body.getBytes(StandardCharsets.UTF_8).length
                  + "\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      readUntil(socket.getInputStream(), "data: ");

      assertThat(simulator.activeStreams()).isEqualTo(1);
    }

    assertThat(awaitNoActiveStreams()).isTrue();
  }

  private boolean awaitNoActiveStreams() throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      if (simulator.activeStreams() == 0) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  private static void readUntil(InputStream in, String marker) throws Exception {
    StringBuilder seen = new StringBuilder();
    int next;
    while ((next = in.read()) >= 0) {
      seen.append((char) next);
      if (seen.indexOf(marker) >= 0) {
        return;
      }
    }
    throw new AssertionError("stream ended before " + marker + ": " + seen);
  }
}
