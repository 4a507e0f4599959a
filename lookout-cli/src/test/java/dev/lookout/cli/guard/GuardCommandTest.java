package dev.lookout.cli.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.cli.LookoutCommand;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Input errors of {@code lookout guard check} and {@code guard eval}, through the command line. */
class GuardCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @ParameterizedTest
  @ValueSource(strings = {"injection", "pii"})
  void evalRejectsInvalidUtf8(String kind) throws Exception {
    // The bytes of {"text":"caf\xe9","label":0} with é in Latin-1, at byte offset 12.
    byte[] latin1 = "{\"text\":\"café\",\"label\":0}\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("latin1.jsonl"), latin1);
    int exit = execute("guard", "eval", "--kind", kind, "--data", file.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("lookout: --data " + file.toAbsolutePath());
    assertThat(err.toString()).contains("is not valid UTF-8 (line 1, byte offset 12: 0xE9)");
    assertThat(err.toString()).doesNotContain("Exception");
    assertThat(err.toString().strip()).doesNotContain("\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n  \n\t\n"})
  void evalRejectsFileWithoutRows(String content) throws Exception {
    Path file = Files.writeString(dir.resolve("empty.jsonl"), content);
    for (String kind : new String[] {"injection", "pii"}) {
      int exit = execute("guard", "eval", "--kind", kind, "--data", file.toString());
      assertThat(exit).as(kind).isEqualTo(2);
      assertThat(err.toString()).as(kind).contains("No rows in " + file.toAbsolutePath());
    }
  }

  @Test
  void evalRejectsMissingFile() {
    Path file = dir.resolve("absent.jsonl");
    int exit = execute("guard", "eval", "--kind", "pii", "--data", file.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains(file.toAbsolutePath() + " does not exist");
  }

  @Test
  void checkRejectsUnknownFormat() {
    int exit = execute("guard", "check", "--format", "xml", "--text", "hi");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("lookout: --format must be table or json, got 'xml'\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void checkAcceptsJsonInUpperCase() {
    int exit = execute("guard", "check", "--format", "JSON", "--text", "hi");
    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("{\"action\":");
  }

  @Test
  void checkOfMissingFileSaysDoesNotExist() {
    Path file = dir.resolve("absent.txt");
    int exit = execute("guard", "check", file.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("FILE " + file.toAbsolutePath() + " does not exist");
  }

  @Test
  void checkOfFolderSaysFolder() {
    int exit = execute("guard", "check", dir.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains(dir.toAbsolutePath() + " is a folder");
  }

  /** Runs the command line with fresh output and error buffers. */
  private int execute(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine command = LookoutCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void checkRejectsEmptyStandardInput() {
    assertThatThrownBy(
            () -> GuardCheckCommand.readStandardInput(new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Standard input is empty");
  }

  @Test
  void checkRejectsInvalidUtf8OnStandardInput() {
    byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9};

    assertThatThrownBy(() -> GuardCheckCommand.readStandardInput(new ByteArrayInputStream(latin1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void checkReadsUtf8StandardInput() throws Exception {
    byte[] utf8 = "café".getBytes(StandardCharsets.UTF_8);

    assertThat(GuardCheckCommand.readStandardInput(new ByteArrayInputStream(utf8)))
        .isEqualTo("café");
  }
}
