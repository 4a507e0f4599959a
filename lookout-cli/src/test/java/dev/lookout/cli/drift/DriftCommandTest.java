package dev.lookout.cli.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.LookoutCommand;
import dev.lookout.core.drift.DriftCheck;
import dev.lookout.core.drift.DriftKey;
import dev.lookout.core.drift.DriftSample;
import dev.lookout.core.drift.DriftState;
import dev.lookout.core.drift.MmdResult;
import dev.lookout.store.drift.DriftStore;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The drift commands that need no embedding model; the model itself is tested once elsewhere. */
class DriftCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

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
  void resetOfMissingStoreFails() {
    Path absent = data.resolve("absent");
    int exit =
        execute("drift", "baseline", "--template", "a", "--reset", "--data", absent.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("No store at " + absent.toAbsolutePath());
    assertThat(Files.exists(absent)).isFalse();
  }

  @Test
  void fromWithMissingStoreFails() throws Exception {
    Path absent = data.resolve("absent");
    Path file = Files.writeString(data.resolve("baseline.jsonl"), responses(12));
    int exit = baselineFrom(file, absent, "--template", "a", "--model", "m");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("No store at " + absent.toAbsolutePath());
    assertThat(Files.exists(absent)).isFalse();
  }

  @Test
  void fromRejectsFewerThanTenResponses() throws Exception {
    storeBaseline(new DriftKey("summary", "gpt-4o"), 3);
    Path file = Files.writeString(data.resolve("baseline.jsonl"), responses(9));
    int exit = baselineFrom(file, data, "--template", "summary", "--model", "gpt-4o");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("has 9 non-blank responses");
    assertThat(err.toString()).contains("a baseline needs at least 10");
  }

  @Test
  void fromRejectsSeveralModels() throws Exception {
    storeBaseline(new DriftKey("summary", "gpt-4o"), 3);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      lines.append("{\"response\":\"answer ").append(i).append("\",\"model\":\"m");
      lines.append(i % 2).append("\"}\n");
    }
    Path file = Files.writeString(data.resolve("mixed.jsonl"), lines.toString());
    int exit = baselineFrom(file, data, "--template", "summary");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("names 2 models [m0, m1]");
  }

  @Test
  void statusAfterResetShowsNoOldCheck() throws Exception {
    DriftKey key = new DriftKey("summary", "gpt-4o");
    storeBaseline(key, 3);
    storeCheck(key);
    run("drift", "baseline", "--template", "summary", "--reset", "--data", data.toString());
    storeBaseline(key, 2);
    JsonNode entry =
        JSON.readTree(run("drift", "status", "--data", data.toString(), "--format", "json"))
            .path("templates")
            .path(0);
    assertThat(entry.path("state").asText()).isEqualTo("cold_start");
    assertThat(entry.path("p_value").isNull()).isTrue();
    assertThat(entry.path("checked_at").isNull()).isTrue();
    assertThat(entry.path("baseline_n").asInt()).isEqualTo(2);
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

  /** Runs {@code drift baseline --from file --data folder} with {@code options}. */
  private int baselineFrom(Path file, Path folder, String... options) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("drift", "baseline", "--from", file.toString(), "--data", folder.toString()));
    args.addAll(List.of(options));
    return execute(args.toArray(String[]::new));
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

  private void storeCheck(DriftKey key) {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore.open(store)
          .appendCheck(
              new DriftCheck(
                  key,
                  Instant.parse("2026-12-04T10:00:00Z"),
                  DriftState.DRIFTED,
                  MmdResult.ofMmd(0.02, 0.001, 0.01, 3, 20, List.of()),
                  List.of()));
    }
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
