package dev.lookout.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficFileTest {
  @TempDir Path folder;

  @Test
  void readsAllFields() throws Exception {
    String line =
        "{\"prompt\":\"p\",\"response\":\"r\",\"model\":\"gpt-4o\",\"category\":\"c\","
            + "\"source\":\"s\",\"id\":\"i\",\"turn\":2,"
            + "\"history\":[{\"role\":\"user\",\"content\":\"h\"}]}";
    TrafficRecord record = read(line).get(0);

    assertThat(record)
        .isEqualTo(
            new TrafficRecord(
                "p",
                "r",
                "gpt-4o",
                "c",
                "s",
                "i",
                List.of(new TrafficRecord.Message("user", "h"))));
  }

  @Test
  void skipsBlankLines() throws Exception {
    List<TrafficRecord> records =
        read(
            "{\"prompt\":\"a\",\"response\":\"b\"}\n\n  \n{\"prompt\":\"c\",\"response\":\"d\"}\n");

    assertThat(records).extracting(TrafficRecord::prompt).containsExactly("a", "c");
  }

  @Test
  void badJsonNamesFileAndLine() throws Exception {
    Path file = folder.resolve("traffic.jsonl");
    Files.writeString(file, "{\"prompt\":\"a\",\"response\":\"b\"}\n{\"prompt\": oops}\n");

    assertThatThrownBy(() -> TrafficFile.read(file))
        .isInstanceOf(TrafficFormatException.class)
        .hasMessageStartingWith(file + " line 2: invalid JSON");
  }

  @Test
  void missingResponseNamesField() {
    assertThatThrownBy(() -> read("{\"prompt\":\"a\"}"))
        .isInstanceOf(TrafficFormatException.class)
        .hasMessageContaining("test line 1: missing string field \"response\"");
  }

  @Test
  void arrayLineIsRejected() {
    assertThatThrownBy(() -> read("[1, 2]"))
        .isInstanceOf(TrafficFormatException.class)
        .hasMessageContaining("line 1: not a JSON object");
  }

  @Test
  void badLineNumberIsKept() {
    assertThatThrownBy(() -> read("\n\n{\"prompt\":1,\"response\":\"b\"}"))
        .isInstanceOfSatisfying(
            TrafficFormatException.class, e -> assertThat(e.line()).isEqualTo(3));
  }

  private static List<TrafficRecord> read(String text) throws Exception {
    return TrafficFile.read(new BufferedReader(new StringReader(text)), "test");
  }
}
