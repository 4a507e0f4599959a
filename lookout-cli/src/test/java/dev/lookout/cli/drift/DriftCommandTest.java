package dev.lookout.cli.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.cli.LookoutCommand;
import dev.lookout.core.drift.DriftKey;
import dev.lookout.core.drift.DriftSample;
import dev.lookout.store.drift.DriftStore;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The drift commands that need no embedding model; the model itself is tested once elsewhere. */
class DriftCommandTest {
  @TempDir Path data;

  private final StringWriter err = new StringWriter();

  @Test
  void statusListsStoredBaseline() throws Exception {
    storeBaseline(new DriftKey("summary", "gpt-4o"), 3);
    String out = run("drift", "status", "--data", data.toString());
    assertThat(out).contains("summary");
    assertThat(out).contains("cold_start");
  }

  @Test
  void statusJsonHasTemplates() throws Exception {
    storeBaseline(new DriftKey("summary", "gpt-4o"), 3);
    String out = run("drift", "status", "--data", data.toString(), "--format", "json");
    assertThat(out).contains("\"prompt_template\":\"summary\"");
    assertThat(out).contains("\"baseline_n\":3");
  }

  @Test
  void statusOfFolderWithoutStoreFails() throws Exception {
    Path empty = Files.createDirectory(data.resolve("empty"));
    int exit = execute("drift", "status", "--data", empty.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(Files.exists(empty.resolve("lookout.duckdb"))).isFalse();
  }

  @Test
  void resetDeletesBaseline() throws Exception {
    storeBaseline(new DriftKey("summary", "gpt-4o"), 3);
    String out =
        run("drift", "baseline", "--template", "summary", "--reset", "--data", data.toString());
    assertThat(out).contains("Deleted 3 baseline responses");
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      assertThat(DriftStore.open(store).baselineCounts()).isEmpty();
    }
  }

  @Test
  void resetOfUnknownTemplateFails() throws Exception {
    storeBaseline(new DriftKey("summary", "gpt-4o"), 3);
    int exit =
        execute("drift", "baseline", "--template", "nope", "--reset", "--data", data.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("No baseline of template 'nope'");
    assertThat(err.toString()).contains("template 'summary' model 'gpt-4o'");
  }

  @Test
  void statusRejectsUnknownFormat() throws Exception {
    storeBaseline(new DriftKey("summary", "gpt-4o"), 3);
    int exit = execute("drift", "status", "--data", data.toString(), "--format", "xml");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("lookout: --format must be table or json, got 'xml'\n");
  }

  @Test
  void checkRejectsUnknownFormat() throws Exception {
    int exit = checkAgainstItself(responses(5), "--format", "xml");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("lookout: --format must be table or json, got 'xml'\n");
  }

  @Test
  void checkNamesLineOfBadJson() throws Exception {
    int exit = checkAgainstItself("{\"response\":\"a\"}\n\n{\"response\":\"b\"}\nnot json\n");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("line 4 is not valid JSON");
  }

  @Test
  void checkCountsOnlyNonBlankResponses() throws Exception {
    int exit = checkAgainstItself("{\"response\":\"a\"}\n{\"response\":\"  \"}\n");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("at least 2 non-blank responses");
  }

  @Test
  void checkLeavesOutInvisibleResponses() throws Exception {
    int exit = checkAgainstItself("{\"response\":\"a\"}\n{\"response\":\"\\u00a0\\u200b\"}\n");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("left out 1 blank response");
  }

  @Test
  void checkRejectsHugePermutations() throws Exception {
    int exit =
        checkAgainstItself(
            "{\"response\":\"a\"}\n{\"response\":\"b\"}\n", "--permutations", "2147483647");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("--permutations must be 399 to 1000000 for --alpha 0.01, got 2147483647");
  }

  @Test
  void checkRejectsMissingFile() throws Exception {
    Path window = data.resolve("window.jsonl");
    Files.writeString(window, "{\"response\":\"a\"}\n{\"response\":\"b\"}\n");
    int exit =
        execute(
            "drift",
            "check",
            "--baseline",
            data.resolve("none.jsonl").toString(),
            "--window",
            window.toString());
    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("none.jsonl does not exist");
  }

  @Test
  void checkRejectsLineWithoutText() throws Exception {
    int exit = checkAgainstItself("{\"answer\":\"a\"}\n");
    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("line 1 has no string field");
  }

  /** Runs {@code drift check} with one file of {@code lines} as both baseline and window. */
  private int checkAgainstItself(String lines, String... extra) throws Exception {
    Path file = Files.writeString(data.resolve("responses.jsonl"), lines);
    List<String> args =
        new java.util.ArrayList<>(
            List.of("drift", "check", "--baseline", file.toString(), "--window", file.toString()));
    args.addAll(List.of(extra));
    return execute(args.toArray(String[]::new));
  }

  private static String responses(int count) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      lines.append("{\"response\":\"answer ").append(i).append("\"}\n");
    }
    return lines.toString();
  }

  private void storeBaseline(DriftKey key, int count) {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      List<DriftSample> samples = new java.util.ArrayList<>();
      for (int i = 0; i < count; i++) {
        samples.add(DriftSample.of("answer " + i, new float[] {1, 0}));
      }
      DriftStore.open(store).appendBaseline(key, 0, samples);
    }
  }

  private String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int exit = execute(args);
      assertThat(exit).as(err.toString()).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private int execute(String... args) {
    CommandLine command = LookoutCommand.commandLine();
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }
}
