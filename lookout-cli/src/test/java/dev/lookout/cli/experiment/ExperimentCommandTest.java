package dev.lookout.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.experiment.Variant;
import dev.lookout.core.experiment.stats.SampleSize;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExperimentCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  @Test
  void assignMatchesLibrary() {
    int exit = run("assign", "--experiment", "e1", "--user", "jürgen", "--variants", "a=1,b=3");

    Experiment experiment =
        Experiment.of("e1", null, List.of(new Variant("a", 1, null), new Variant("b", 3, null)));
    assertThat(exit).isZero();
    assertThat(out.toString().strip()).isEqualTo(experiment.assign("jürgen").name());
  }

  @Test
  void assignFilePrintsJsonLines() throws Exception {
    Path users = dir.resolve("users.txt");
    Files.writeString(users, "u1\n\nu2\n");

    int exit =
        run(
            "assign",
            "--experiment",
            "e1",
            "--users",
            users.toString(),
            "--variants",
            "a=1,b=1",
            "--format",
            "json");

    String[] lines = out.toString().strip().split("\n");
    assertThat(exit).isZero();
    assertThat(lines).hasSize(2);
    assertThat(JSON.readTree(lines[1]).path("user").asText()).isEqualTo("u2");
    assertThat(JSON.readTree(lines[1]).path("bucket").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void assignReadsConfig() throws Exception {
    Path config = dir.resolve("lookout.yaml");
    Files.writeString(
        config,
        "experiments:\n"
            + "  - id: tone\n"
            + "    variants:\n"
            + "      - {name: a, weight: 0}\n"
            + "      - {name: b, weight: 1, template: 'Be {{style}}.'}\n");

    int exit = run("assign", "--experiment", "tone", "--user", "u", "--config", config.toString());

    assertThat(exit).isZero();
    assertThat(out.toString().strip()).isEqualTo("b");
  }

  @Test
  void unknownExperimentListsKnown() throws Exception {
    Path config = dir.resolve("lookout.yaml");
    Files.writeString(config, "experiments:\n  - id: tone\n    variants: [{name: a}, {name: b}]\n");

    int exit = run("assign", "--experiment", "x", "--user", "u", "--config", config.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("No experiment 'x'").contains("[tone]");
  }

  @Test
  void sampleSizePrintsJson() throws Exception {
    int exit =
        run(
            "sample-size",
            "--baseline-rate",
            "0.1",
            "--mde",
            "0.1",
            "--relative",
            "--format",
            "json");

    JsonNode result = JSON.readTree(out.toString());
    assertThat(exit).isZero();
    assertThat(result.path("n_per_arm").asLong())
        .isEqualTo(SampleSize.forRates(0.1, 0.1 * 1.1, 0.05, 0.8));
    assertThat(result.path("formula").asText()).contains("z(1-alpha/2)");
  }

  @Test
  void analyzeInputFile() throws Exception {
    Path rows = dir.resolve("rows.jsonl");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      String variant = i % 2 == 0 ? "a" : "b";
      boolean up = variant.equals("b") ? i % 3 != 0 : i % 3 == 0;
      text.append("{\"variant\":\"")
          .append(variant)
          .append("\",\"thumbs_up\":")
          .append(up)
          .append(",\"latency_ms\":")
          .append(100 + i % 7)
          .append("}\n");
    }
    Files.writeString(rows, text.toString());

    int exit = run("analyze", "--input", rows.toString(), "--format", "json");

    JsonNode analysis = JSON.readTree(out.toString());
    JsonNode b = analysis.path("metrics").path("thumbs_up").path("b");
    assertThat(exit).as(err.toString()).isZero();
    assertThat(analysis.path("control").asText()).isEqualTo("a");
    assertThat(analysis.path("srm_p_value").asDouble()).isEqualTo(1.0);
    assertThat(analysis.path("metric_kinds").path("thumbs_up").asText()).isEqualTo("rate");
    assertThat(b.path("n").asLong()).isEqualTo(100);
    assertThat(b.path("diff").asDouble()).isPositive();
    assertThat(b.path("ci95").size()).isEqualTo(2);
    assertThat(b.path("p_value").asDouble()).isLessThan(0.001);
    assertThat(b.path("sequential_p_value").isNumber()).isTrue();
  }

  @Test
  void analyzeStoredCalls() throws Exception {
    Path data = dir.resolve("data");
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      List<CallRecord> records = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        records.add(
            CallRecord.builder()
                .requestId("r" + i)
                .timestamp(Instant.parse("2026-12-01T10:00:00Z"))
                .status(CallStatus.SUCCESS)
                .httpStatus(200)
                .latencyMs(i % 2 == 0 ? 100 + i % 5 : 120 + i % 5)
                .userId("u" + i)
                .experimentId("tone")
                .variant(i % 2 == 0 ? "a" : "b")
                .build());
      }
      store.append(records);
    }
    Path config = dir.resolve("lookout.yaml");
    Files.writeString(
        config,
        "experiments:\n  - id: tone\n    metrics: [latency_ms]\n    mde: 0.05\n"
            + "    variants: [{name: a}, {name: b}]\n");

    int exit = run("analyze", "tone", "--data", data.toString(), "--config", config.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("latency_ms (mean)").contains("+19.");
  }

  @Test
  void assignMissingFileIsUserError() {
    Path missing = dir.resolve("nope.txt");

    int exit =
        run("assign", "--experiment", "e1", "--users", missing.toString(), "--variants", "a=1,b=1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--users " + missing + " does not exist");
  }

  @Test
  void assignFolderIsUserError() {
    int exit =
        run("assign", "--experiment", "e1", "--users", dir.toString(), "--variants", "a=1,b=1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("is a folder");
  }

  @Test
  void assignLatin1FileIsUserError() throws Exception {
    Path users = dir.resolve("latin1.txt");
    Files.write(users, "j\u00fcrgen\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    int exit =
        run("assign", "--experiment", "e1", "--users", users.toString(), "--variants", "a=1,b=1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("is not valid UTF-8");
  }

  @Test
  void analyzeMissingInputIsUserError() {
    int exit = run("analyze", "--input", dir.resolve("nope.jsonl").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("does not exist");
  }

  @Test
  void analyzeFolderInputIsUserError() {
    int exit = run("analyze", "--input", dir.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("is a folder");
  }

  @Test
  void analyzeNonJsonLineNamesLine() throws Exception {
    Path rows = dir.resolve("rows.jsonl");
    Files.writeString(rows, "{\"variant\":\"a\",\"x\":1}\nnot json\n");

    int exit = run("analyze", "--input", rows.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains(rows + " line 2 is not JSON");
  }

  @Test
  void analyzeVariantMissingFromWeights() throws Exception {
    Path rows = dir.resolve("rows.jsonl");
    Files.writeString(
        rows,
        "{\"variant\":\"formal\",\"x\":1}\n{\"variant\":\"other\",\"x\":0}\n"
            + "{\"variant\":\"casual\",\"x\":1}\n");

    int exit = run("analyze", "--input", rows.toString(), "--weights", "formal=1,other=1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("variant 'casual'");
  }

  @Test
  void assignFileSkipsByteOrderMark() throws Exception {
    Path users = dir.resolve("bom.txt");
    Files.writeString(users, "\uFEFFu1\n");

    int exit =
        run(
            "assign",
            "--experiment",
            "e1",
            "--users",
            users.toString(),
            "--variants",
            "a=1,b=1",
            "--format",
            "json");

    assertThat(exit).isZero();
    assertThat(JSON.readTree(out.toString()).path("user").asText()).isEqualTo("u1");
  }

  @Test
  void sampleSizeTinyMdeRejected() {
    int exit = run("sample-size", "--baseline-rate", "0.1", "--mde", "1e-12");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("10^12");
  }

  @Test
  void overflowingWeightsRejected() {
    int exit = run("assign", "--experiment", "e1", "--user", "u", "--variants", "a=1e308,b=1e308");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("overflows");
  }

  @Test
  void emptyUserRejected() {
    int exit = run("assign", "--experiment", "e1", "--user", "", "--variants", "a=1,b=1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--user must be a user id");
  }

  private int run(String... args) {
    CommandLine command = new CommandLine(new ExperimentCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    command.setExecutionExceptionHandler(
        (exception, line, parse) -> {
          if (exception instanceof IllegalArgumentException) {
            line.getErr().println("lookout: " + exception.getMessage());
            return 2;
          }
          throw exception;
        });
    return command.execute(args);
  }
}
