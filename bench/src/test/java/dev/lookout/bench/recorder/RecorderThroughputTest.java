package dev.lookout.bench.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.store.recorder.RecorderSettings;
import org.junit.jupiter.api.Test;

class RecorderThroughputTest {
  @Test
  void everyRecordIsStored() throws Exception {
    RecorderThroughput.Result result =
        RecorderThroughput.run(5_000, 2, RecorderSettings.defaults());

    assertThat(result.written()).isEqualTo(5_000);
    assertThat(result.stored()).isEqualTo(5_000);
    assertThat(result.failedWrites()).isZero();
  }

  @Test
  void sampleRecordsHaveDistinctIds() {
    assertThat(RecorderThroughput.sampleRecord(1).requestId())
        .isNotEqualTo(RecorderThroughput.sampleRecord(1).requestId());
  }
}
