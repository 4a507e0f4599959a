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

  private List<LabeledText> instructions(String... lines) throws Exception {
    Path file = dir.resolve("prompts.jsonl");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return InjectionDataset.readInstructions(file);
  }

  @Test
  void instructionEndsAtBlankLine() throws Exception {
    List<LabeledText> rows =
        instructions("{\"prompt\": \"Explain this code.\\n\\nprint(1)\", \"source\": \"s\"}");
    assertThat(rows.get(0).text()).isEqualTo("Explain this code.");
  }

  @Test
  void instructionIsBenign() throws Exception {
    assertThat(instructions("{\"prompt\": \"Sort a list.\"}").get(0).injection()).isFalse();
  }

  @Test
  void instructionKeepsSource() throws Exception {
    List<LabeledText> rows = instructions("{\"prompt\": \"Sort a list.\", \"source\": \"a/b/c\"}");
    assertThat(rows.get(0).source()).isEqualTo("a/b/c");
  }

  @Test
  void repeatedInstructionCountsOnce() throws Exception {
    List<LabeledText> rows =
        instructions(
            "{\"prompt\": \"Sort a list.\\n\\n[3, 1]\"}",
            "{\"prompt\": \"Sort a list.\\n\\n[2, 9]\"}");
    assertThat(rows).hasSize(1);
  }

  @Test
  void instructionNeedsPrompt() {
    assertThatThrownBy(() -> instructions("{\"text\": \"Sort a list.\"}"))
        .hasMessageContaining("missing string field \"prompt\"");
  }
}
