package dev.lookout.cli.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lookout.cli.LookoutCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code --errors} file of {@code guard eval}: paths that name the data file another way, or
 * that cannot be written, are rejected before the evaluation runs.
 */
class EvalErrorsFileTest {
  private static final String ROW = "{\"text\": \"hi\", \"label\": 1}\n";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path data;

  @BeforeEach
  void writeData() throws Exception {
    data = Files.writeString(dir.resolve("d.jsonl"), ROW);
  }

  private int eval(String dataPath, String errorsPath) {
    CommandLine command = LookoutCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(
        "guard", "eval", "--kind", "injection", "--data", dataPath, "--errors", errorsPath);
  }

  private int evalPii(Path piiData, Path errors) {
    CommandLine command = LookoutCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(
        "guard",
        "eval",
        "--kind",
        "pii",
        "--data",
        piiData.toString(),
        "--errors",
        errors.toString());
  }

  /** Writes a PII row whose label starts after an emoji, which Python counts as one code point. */
  private Path emojiRow() throws Exception {
    return Files.writeString(
        dir.resolve("emoji.jsonl"),
        "{\"text\": \"\uD83D\uDCDE Mail ann@example.com\", \"entities\": [{\"type\":"
            + " \"PHONE\", \"start\": 7, \"end\": 22}]}\n");
  }

  @Test
  void emojiRowIsWritten() throws Exception {
    Path errors = dir.resolve("emoji-errors.jsonl");

    assertThat(evalPii(emojiRow(), errors)).isZero();
  }

  @Test
  void emojiRowSpanCountsCodePoints() throws Exception {
    Path errors = dir.resolve("emoji-errors.jsonl");
    evalPii(emojiRow(), errors);

    assertThat(Files.readString(errors))
        .contains("\"start\":7,\"end\":22,\"value\":\"ann@example.com\"");
  }

  @Test
  void loneSurrogateIsWrittenEscaped() throws Exception {
    Path data =
        Files.writeString(
            dir.resolve("lone.jsonl"),
            "{\"text\": \"hi \\ud83d mail bob@example.com\", \"entities\": []}\n");
    Path errors = dir.resolve("lone-errors.jsonl");
    evalPii(data, errors);

    assertThat(Files.readString(errors)).contains("hi \\uD83D mail");
  }

  @Test
  void symlinkToDataIsRejected() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), data);

    assertThat(eval(data.toString(), link.toString())).isEqualTo(2);
  }

  @Test
  void symlinkKeepsData() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), data);
    eval(data.toString(), link.toString());

    assertThat(Files.readString(data)).isEqualTo(ROW);
  }

  @Test
  void hardLinkToDataIsRejected() throws Exception {
    Path link = Files.createLink(dir.resolve("hard.jsonl"), data);
    eval(data.toString(), link.toString());

    assertThat(Files.readString(data)).isEqualTo(ROW);
  }

  @Test
  void dataThroughSymlinkIsKept() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), data);
    eval(link.toString(), data.toString());

    assertThat(Files.readString(data)).isEqualTo(ROW);
  }

  @Test
  void sameFileMessageNamesFix() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), data);
    eval(data.toString(), link.toString());

    assertThat(err.toString()).contains("is the --data file; pass another file name");
  }

  @Test
  void dashIsRejected() {
    assertThat(eval(data.toString(), "-")).isEqualTo(2);
  }

  @Test
  void dashMessageNamesFix() {
    eval(data.toString(), "-");

    assertThat(err.toString()).contains("pass a file name such as errors.jsonl");
  }

  @Test
  void readOnlyFolderFailsBeforeReport() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    // Root may write to any folder, so the check has nothing to find there.
    assumeTrue(!Files.isWritable(folder));

    eval(data.toString(), folder.resolve("e.jsonl").toString());

    assertThat(out.toString()).isEmpty();
  }
}
