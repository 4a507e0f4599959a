package dev.lookout.core.guard.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InjectionDatasetTest {
  @TempDir Path dir;

  private List<LabeledText> read(String line) throws Exception {
    Path file = dir.resolve("rows.jsonl");
    Files.writeString(file, line + "\n");
    return InjectionDataset.read(file);
  }

  @Test
  void readsBooleanLabel() throws Exception {
    assertThat(read("{\"text\": \"a\", \"label\": true}").get(0).injection()).isTrue();
  }

  @Test
  void readsStringLabel() throws Exception {
    assertThat(read("{\"text\": \"a\", \"label\": \"0\"}").get(0).injection()).isFalse();
  }

  @Test
  void rejectsWordLabel() {
    assertThatThrownBy(() -> read("{\"text\": \"a\", \"label\": \"jailbreak\"}"))
        .hasMessageContaining("must be 0 or 1");
  }
}
