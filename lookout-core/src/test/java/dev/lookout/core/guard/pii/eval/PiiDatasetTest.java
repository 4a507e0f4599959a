package dev.lookout.core.guard.pii.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.core.guard.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiiDatasetTest {
  @TempDir Path dir;

  @Test
  void readsTextAndSpans() throws IOException {
    Path file = dir.resolve("a.jsonl");
    Files.writeString(
        file,
        "{\"text\": \"Marek\", \"entities\": [{\"type\": \"PERSON\", \"start\": 0, \"end\": 5}]}\n\n");
    List<LabelledText> texts = PiiDataset.read(file);
    assertThat(texts).hasSize(1);
    assertThat(texts.get(0).entities().get(0).type()).isEqualTo("PERSON");
  }

  @Test
  void readsPresidioPhoneLabelAsPhone() throws IOException {
    Path file = dir.resolve("c.jsonl");
    Files.writeString(
        file,
        "{\"text\": \"415-555-0132\", \"entities\": [{\"type\": \"PHONE_NUMBER\", \"start\": 0,"
            + " \"end\": 12}]}\n");
    assertThat(PiiDataset.read(file).get(0).entities().get(0).type()).isEqualTo("PHONE");
  }

  @Test
  void readsOffsetsAsCodePoints() throws IOException {
    Path file = dir.resolve("emoji.jsonl");
    String text = "\uD83D\uDCDE ann@example.com";
    Files.writeString(
        file,
        "{\"text\": \""
            + text
            + "\", \"entities\": [{\"type\": \"EMAIL\", \"start\": 2, \"end\": 17}]}\n");
    Finding email = PiiDataset.read(file).get(0).entities().get(0);

    assertThat(text.substring(email.start(), email.end())).isEqualTo("ann@example.com");
  }

  @Test
  void rejectsSpanPastCodePoints() throws IOException {
    Path file = dir.resolve("past.jsonl");
    Files.writeString(
        file,
        "{\"text\": \"\uD83D\uDCDE ab\", \"entities\": [{\"type\": \"EMAIL\", \"start\": 0,"
            + " \"end\": 5}]}\n");

    assertThatThrownBy(() -> PiiDataset.read(file)).hasMessageContaining("invalid span [0, 5)");
  }

  @Test
  void hugeOffsetNamesOffset() throws IOException {
    Path file = dir.resolve("huge.jsonl");
    Files.writeString(
        file,
        "{\"text\": \"ab\", \"entities\": [{\"type\": \"EMAIL\", \"start\": 0,"
            + " \"end\": 99999999999}]}\n");

    assertThatThrownBy(() -> PiiDataset.read(file)).hasMessageContaining("has offset 99999999999");
  }

  @Test
  void readsLowerCaseLabel() {
    assertThat(PiiDataset.typeName("email")).isEqualTo("EMAIL");
  }

  @Test
  void rejectsSpanPastText() throws IOException {
    Path file = dir.resolve("b.jsonl");
    Files.writeString(
        file,
        "{\"text\": \"Ann\", \"entities\": [{\"type\": \"PERSON\", \"start\": 0, \"end\": 9}]}\n");
    assertThatThrownBy(() -> PiiDataset.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b.jsonl:1: invalid span [0, 9)");
  }

  @Test
  void rejectsReversedSpan() throws IOException {
    Path file = dir.resolve("d.jsonl");
    Files.writeString(
        file,
        "{\"text\": \"Ann Lee\", \"entities\": [{\"type\": \"PERSON\", \"start\": 5, \"end\": 2}]}\n");

    assertThatThrownBy(() -> PiiDataset.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid span [5, 2)");
  }

  @Test
  void rejectsMissingEntities() throws IOException {
    Path file = dir.resolve("e.jsonl");
    Files.writeString(file, "{\"text\": \"Ann\", \"label\": 1}\n");

    assertThatThrownBy(() -> PiiDataset.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field \"entities\" must be an array");
  }

  @Test
  void rejectsEntityWithoutType() throws IOException {
    Path file = dir.resolve("f.jsonl");
    Files.writeString(file, "{\"text\": \"Ann\", \"entities\": [{\"start\": 0, \"end\": 3}]}\n");

    assertThatThrownBy(() -> PiiDataset.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a string \"type\"");
  }

  @Test
  void rejectsInvalidJson() throws IOException {
    Path file = dir.resolve("g.jsonl");
    Files.writeString(file, "{\"text\": \n");

    assertThatThrownBy(() -> PiiDataset.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("g.jsonl:1: invalid JSON");
  }
}
