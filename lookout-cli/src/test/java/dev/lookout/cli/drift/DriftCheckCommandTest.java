package dev.lookout.cli.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.LookoutCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lookout drift check} end to end, with the embedding model. */
class DriftCheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  private final StringWriter err = new StringWriter();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @Test
  void changedWindowExitsOne() throws Exception {
    Path baseline = write("baseline.jsonl", prose(30));
    Path window = write("window.jsonl", code(30));
    int exit = check(baseline, window, "--format", "json");
    JsonNode result = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(DriftCheckCommand.DRIFTED);
    assertThat(result.path("drifted").asBoolean()).isTrue();
  }

  @Test
  void sameTextsExitZero() throws Exception {
    Path baseline = write("baseline.jsonl", prose(20));
    Path window = write("window.jsonl", prose(20));
    int exit = check(baseline, window, "--format", "json");
    JsonNode result = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(exit).isZero();
    assertThat(result.path("drifted").asBoolean()).isFalse();
  }

  @Test
  void pValueIsAtMostFourTimesSmallestTests() throws Exception {
    check(write("baseline.jsonl", prose(20)), write("window.jsonl", code(20)), "--format", "json");
    JsonNode result = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    double smallest =
        Math.min(
            result.path("embedding_p_value").asDouble(),
            Math.min(
                result.path("profile_p_value").asDouble(),
                result.path("phrase_p_value").asDouble()));
    assertThat(result.path("p_value").asDouble()).isLessThanOrEqualTo(4 * smallest);
  }

  @Test
  void blankResponsesAreLeftOut() throws Exception {
    List<String> window = new ArrayList<>(prose(10));
    window.add("   ");
    window.add("");
    check(write("baseline.jsonl", prose(10)), write("window.jsonl", window), "--format", "json");
    JsonNode result = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(result.path("window_n").asInt()).isEqualTo(10);
  }

  @Test
  void byteOrderMarkIsSkipped() throws Exception {
    Path baseline = write("baseline.jsonl", prose(10));
    Files.writeString(baseline, "\uFEFF" + Files.readString(baseline));
    int exit = check(baseline, write("window.jsonl", prose(10)), "--format", "json");
    assertThat(exit).isZero();
  }

  @Test
  void unreachableAlphaExitsTwo() throws Exception {
    int exit = check(write("baseline.jsonl", prose(2)), write("window.jsonl", code(2)));
    assertThat(exit).isEqualTo(2);
  }

  @Test
  void unreachableAlphaNamesFix() throws Exception {
    check(write("baseline.jsonl", prose(2)), write("window.jsonl", code(2)));
    assertThat(err.toString()).contains("Give each file at least 5 non-blank responses");
  }

  @Test
  void invalidUtf8NamesFix() throws Exception {
    Path baseline = data.resolve("latin1.jsonl");
    Files.write(baseline, "{\"response\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
    check(baseline, write("window.jsonl", prose(10)));
    assertThat(err.toString()).contains("is not valid UTF-8 (line 1, byte offset 16: 0xE9)");
    assertThat(err.toString()).contains("save it as UTF-8");
  }

  private static List<String> prose(int count) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      texts.add(
          "Simmer the onions for "
              + (i + 5)
              + " minutes, then add the tomatoes and a pinch of salt. The sauce is ready when"
              + " it thickens and the kitchen smells sweet.");
    }
    return texts;
  }

  private static List<String> code(int count) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      texts.add(
          "```python\ndef handler_"
              + i
              + "(event):\n    return {\"status\": "
              + (200 + i)
              + ", \"body\": event[\"id\"]}\n```\n- returns a dict\n- raises KeyError");
    }
    return texts;
  }

  private Path write(String name, List<String> texts) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (String text : texts) {
      lines.append(JSON.writeValueAsString(java.util.Map.of("response", text))).append('\n');
    }
    return Files.writeString(data.resolve(name), lines.toString());
  }

  private int check(Path baseline, Path window, String... extra) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "drift",
            "check",
            "--baseline",
            baseline.toString(),
            "--window",
            window.toString(),
            "--seed",
            "1",
            "--permutations",
            "399"));
    args.addAll(List.of(extra));
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine command = LookoutCommand.commandLine();
      command.setErr(new PrintWriter(err, true));
      return command.execute(args.toArray(String[]::new));
    } finally {
      System.setOut(original);
    }
  }
}
