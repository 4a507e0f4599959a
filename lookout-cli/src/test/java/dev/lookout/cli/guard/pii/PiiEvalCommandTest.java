package dev.lookout.cli.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.LookoutCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PiiEvalCommandTest {
  private static final String LINES =
      "{\"text\": \"Mail me at ann@example.com\", \"entities\": [{\"type\": \"EMAIL\", \"start\":"
          + " 11, \"end\": 26}]}\n"
          + "{\"text\": \"Call 555-12\", \"entities\": [{\"type\": \"PHONE\", \"start\": 5,"
          + " \"end\": 11}]}\n"
          + "{\"text\": \"Acme Corp\", \"entities\": [{\"type\": \"ORGANIZATION\", \"start\": 0,"
          + " \"end\": 9}]}\n";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private Path data() throws Exception {
    Path file = dir.resolve("pii.jsonl");
    Files.writeString(file, LINES);
    return file;
  }

  private int execute(String... args) {
    CommandLine command = new CommandLine(new PiiEvalCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void jsonHasOverallAndTypes() throws Exception {
    int exit = execute("--data", data().toString(), "--format", "json");
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(exit).isZero();
    assertThat(root.path("by_type").path("EMAIL").path("f1").asDouble()).isEqualTo(1.0);
    assertThat(root.path("overall").path("support").asInt()).isEqualTo(2);
  }

  @Test
  void overallCountsMissedPhone() throws Exception {
    execute("--data", data().toString(), "--format", "json");
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.path("overall").path("recall").asDouble()).isEqualTo(0.5);
  }

  @Test
  void jsonListsUndetectedType() throws Exception {
    execute("--data", data().toString(), "--format", "json");
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.path("not_detected").path("ORGANIZATION").path("support").asInt()).isEqualTo(1);
  }

  @Test
  void tableListsUndetectedType() throws Exception {
    StringWriter table = new StringWriter();
    PiiEvalCommand.run(data(), false, new PrintWriter(table, true));
    assertThat(table.toString()).contains("ORGANIZATION");
  }

  @Test
  void tableListsOverall() throws Exception {
    StringWriter table = new StringWriter();
    PiiEvalCommand.run(data(), false, new PrintWriter(table, true));
    assertThat(table.toString()).contains("overall");
  }

  @Test
  void rejectsUnknownFormat() throws Exception {
    int exit = execute("--data", data().toString(), "--format", "xml");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("table or json");
  }

  @Test
  void rejectsReversedSpanInOneLine() throws Exception {
    Path file = dir.resolve("reversed.jsonl");
    Files.writeString(
        file,
        "{\"text\": \"mail a@b.com\", \"entities\": [{\"type\": \"EMAIL\", \"start\": 12,"
            + " \"end\": 5}]}\n");
    CommandLine command = LookoutCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));

    int exit = command.execute("guard", "eval", "--kind", "pii", "--data", file.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("reversed.jsonl:1: invalid span [12, 5)");
    assertThat(err.toString()).doesNotContain("\tat ");
  }

  @Test
  void rejectsMissingFile() {
    int exit = execute("--data", dir.resolve("absent.jsonl").toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("file not found");
  }
}
