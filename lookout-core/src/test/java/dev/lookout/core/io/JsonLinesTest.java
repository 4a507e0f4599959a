package dev.lookout.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {
  @TempDir Path dir;

  @Test
  void readsNonBlankLines() throws Exception {
    Path file = write("\uFEFF{\"a\":1}\n\n  \n{\"a\":2}\r\n".getBytes(StandardCharsets.UTF_8));
    List<String> rows = JsonLines.read(file, (line, number) -> number + ":" + line);
    assertThat(rows).containsExactly("1:{\"a\":1}", "4:{\"a\":2}");
  }

  @Test
  void invalidByteNamesLineAndOffset() throws Exception {
    Path file = write(bytes("{\"text\":\"ok\"}\r\n{\"text\":\"caf", 0xE9, "\"}\n"));
    MalformedUtf8Exception error = readFails(file);
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.offset()).isEqualTo(27);
    assertThat(error.getMessage())
        .isEqualTo(
            file + " is not valid UTF-8 (line 2, byte offset 27: 0xE9); the file must be UTF-8");
  }

  @Test
  void invalidByteFarIntoFileIsFound() throws Exception {
    String line = "{\"text\":\"" + "x".repeat(100) + "\"}\n";
    Path file = write(bytes(line.repeat(500), 0xFF, "\n"));
    MalformedUtf8Exception error = readFails(file);
    assertThat(error.line()).isEqualTo(501);
    assertThat(error.offset()).isEqualTo(line.length() * 500L);
  }

  @Test
  void truncatedSequenceAtEndIsFound() throws Exception {
    Path file = write(bytes("{\"text\":\"a\"}\n", 0xC3));
    assertThat(readFails(file).line()).isEqualTo(2);
  }

  @Test
  void validFileHasNoMalformedSequence() throws Exception {
    Path file = write("{\"text\":\"café 😀\"}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(JsonLines.locateMalformed(file)).isNull();
  }

  private MalformedUtf8Exception readFails(Path file) {
    return catchThrowableOfType(
        MalformedUtf8Exception.class, () -> JsonLines.read(file, (line, number) -> line));
  }

  private Path write(byte[] content) throws Exception {
    return Files.write(dir.resolve("rows.jsonl"), content);
  }

  private static byte[] bytes(String before, int value, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.write(value);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] bytes(String before, int value) {
    return bytes(before, value, "");
  }
}
