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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lookout drift baseline --from} end to end, with the embedding model and a real store. */
class DriftBaselineFromTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DriftKey KEY = new DriftKey("support", "gpt-4o");
  private static final String EMAIL = "carol@example.com";
  private static final String CARD = "4111 1111 1111 1111";

  @TempDir Path data;

  private final StringWriter err = new StringWriter();

  /** Creates the store, as drift baseline works only on a store a gateway has made. */
  @BeforeEach
  void createStore() {
    DuckDbCallStore.open(data).close();
  }

  @Test
  void fromRedactsPersonalData() throws Exception {
    Path config =
        Files.writeString(data.resolve("lookout.yaml"), "guards:\n  pii:\n    enabled: true\n");
    setBaseline(personalData(12), "--config", config.toString());
    List<String> texts = storedTexts();
    assertThat(texts).hasSize(12);
    assertThat(texts).noneMatch(text -> text.contains(EMAIL));
    assertThat(texts).noneMatch(text -> text.contains(CARD));
    assertThat(texts.get(0)).contains("[EMAIL]");
  }

  @Test
  void fromKeepsTextWhilePiiIsOff() throws Exception {
    Path config =
        Files.writeString(data.resolve("lookout.yaml"), "guards:\n  pii:\n    enabled: false\n");
    setBaseline(personalData(12), "--config", config.toString());
    assertThat(storedTexts().get(0)).contains(EMAIL);
  }

  @Test
  void statusAfterFromShowsNoOldCheck() throws Exception {
    Path empty = Files.writeString(data.resolve("lookout.yaml"), "");
    storeBaselineAndCheck();
    setBaseline(personalData(12), "--config", empty.toString());
    JsonNode entry =
        JSON.readTree(run("drift", "status", "--data", data.toString(), "--format", "json"))
            .path("templates")
            .path(0);
    assertThat(entry.path("state").asText()).isEqualTo("cold_start");
    assertThat(entry.path("p_value").isNull()).isTrue();
    assertThat(entry.path("checked_at").isNull()).isTrue();
    assertThat(entry.path("baseline_n").asInt()).isEqualTo(12);
    assertThat(entry.path("window_n").asInt()).isZero();
  }

  private void setBaseline(String lines, String... extra) throws Exception {
    Path file = Files.writeString(data.resolve("baseline.jsonl"), lines);
    List<String> args =
        new ArrayList<>(
            List.of(
                "drift",
                "baseline",
                "--template",
                KEY.promptTemplate(),
                "--model",
                KEY.model(),
                "--from",
                file.toString(),
                "--data",
                data.toString()));
    args.addAll(List.of(extra));
    run(args.toArray(String[]::new));
  }

  private static String personalData(int count) {
    String line = "{\"response\":\"card " + CARD + " " + EMAIL + "\"}\n";
    return line.repeat(count);
  }

  /** Stores a drifted test against an earlier baseline, as a gateway run leaves it. */
  private void storeBaselineAndCheck() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      DriftStore drift = DriftStore.open(store);
      List<DriftSample> samples = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        samples.add(DriftSample.of("old answer " + i, new float[] {1, 0}));
      }
      drift.appendBaseline(KEY, 0, samples);
      drift.appendWindow(KEY, 0, samples, 10);
      drift.appendCheck(
          new DriftCheck(
              KEY,
              Instant.parse("2026-12-04T10:00:00Z"),
              DriftState.DRIFTED,
              MmdResult.ofMmd(0.02, 0.001, 0.01, 10, 10, List.of()),
              List.of()));
    }
  }

  private List<String> storedTexts() {
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      return DriftStore.open(store).baselines().get(KEY).stream().map(DriftSample::text).toList();
    }
  }

  private String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine command = LookoutCommand.commandLine();
      command.setErr(new PrintWriter(err, true));
      int exit = command.execute(args);
      assertThat(exit).as(err.toString()).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
