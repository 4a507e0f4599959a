package dev.lookout.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservationRowsTest {
  @TempDir Path dir;

  @Test
  void booleansAndBinaryAreRates() throws Exception {
    Path file = dir.resolve("rows.jsonl");
    Files.writeString(
        file,
        "{\"variant\":\"a\",\"thumbs_up\":true,\"converted\":1,\"cost\":0.5}\n"
            + "\n"
            + "{\"variant\":\"b\",\"thumbs_up\":false,\"converted\":0,\"cost\":1}\n"
            + "{\"variant\":\"b\",\"thumbs_up\":null,\"converted\":1,\"cost\":2}\n");
    ObservationRows rows = ObservationRows.read(file);
    ExperimentData data = rows.data();
    assertThat(rows.variants()).containsExactly("a", "b");
    assertThat(data.kinds().get("thumbs_up")).isEqualTo(MetricKind.RATE);
    assertThat(data.kinds().get("converted")).isEqualTo(MetricKind.RATE);
    assertThat(data.kinds().get("cost")).isEqualTo(MetricKind.MEAN);
    assertThat(data.metrics().get("thumbs_up").get("b").n()).isEqualTo(1);
    assertThat(data.unitsPerVariant().get("b")).isEqualTo(2);
  }

  @Test
  void textValueNamesLine() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{\"variant\":\"a\",\"score\":\"high\"}\n");
    assertThatThrownBy(() -> ObservationRows.read(file)).hasMessageContaining("line 1");
  }
}
