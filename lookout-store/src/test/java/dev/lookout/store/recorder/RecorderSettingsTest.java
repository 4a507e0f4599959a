package dev.lookout.store.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecorderSettingsTest {

  @Test
  void defaultsMatchDocumentedValues() {
    RecorderSettings settings = RecorderSettings.defaults();

    assertThat(settings.queueCapacity()).isEqualTo(10_000);
    assertThat(settings.maxBatchSize()).isEqualTo(5_000);
    assertThat(settings.flushInterval()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void zeroCapacityRejectedWithName() {
    assertThatThrownBy(() -> RecorderSettings.defaults().withQueueCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recorder.queue_capacity must be at least 1, got 0");
  }

  @Test
  void zeroBatchRejectedWithName() {
    assertThatThrownBy(() -> RecorderSettings.defaults().withMaxBatchSize(0))
        .hasMessageContaining("recorder.batch_size must be at least 1, got 0");
  }

  @Test
  void negativeIntervalRejectedWithName() {
    assertThatThrownBy(() -> RecorderSettings.defaults().withFlushInterval(Duration.ofMillis(-5)))
        .hasMessageContaining("flush interval PT-0.005S");
  }

  @Test
  void maxBackoffBelowInitialRejected() {
    assertThatThrownBy(
            () ->
                RecorderSettings.defaults()
                    .withRetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("retry max backoff PT1S");
  }
}
