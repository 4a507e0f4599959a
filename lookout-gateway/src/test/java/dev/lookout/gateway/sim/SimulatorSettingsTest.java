package dev.lookout.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {
  @Test
  void defaultsBindLoopback() {
    assertThat(SimulatorSettings.defaults().host()).isEqualTo("127.0.0.1");
  }

  @Test
  void negativePortIsRejected() {
    assertThatThrownBy(() -> SimulatorSettings.defaults().withPort(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port -1");
  }

  @Test
  void negativeChunkIntervalIsRejected() {
    assertThatThrownBy(() -> SimulatorSettings.defaults().withStreamChunkInterval(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("streamChunkIntervalMs -1");
  }

  @Test
  void negativeRateIsRejected() {
    assertThatThrownBy(() -> SimulatorSettings.defaults().withTiming(0, -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokensPerSecond -2.0");
  }

  @Test
  void emptyRecordsFailStart() {
    Vertx vertx = Vertx.vertx();
    try {
      assertThatThrownBy(
              () -> UpstreamSimulator.start(vertx, SimulatorSettings.defaults(), List.of()).await())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("records is empty");
    } finally {
      vertx.close().await();
    }
  }
}
