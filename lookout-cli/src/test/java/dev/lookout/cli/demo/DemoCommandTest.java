package dev.lookout.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.cli.LookoutCommand;
import dev.lookout.core.record.CallRecord;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end: replay through a real gateway and simulator, then check that the report
 * agrees with the records in the store, summed here independently of the report's SQL.
 */
class DemoCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LIMIT = 80;

  @TempDir Path data;

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int exit = LookoutCommand.commandLine().execute(args);
      assertThat(exit).isZero();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void reportAgreesWithStore() throws Exception {
    String demo =
        run(
            "demo",
            "--exit",
            "--port",
            "0",
            "--data",
            data.toString(),
            "--limit",
            String.valueOf(LIMIT),
            "--sim-ttft-ms",
            "1",
            "--sim-tokens-per-second",
            "0");
    JsonNode total =
        JSON.readTree(run("report", "--data", data.toString(), "--format", "json")).path("total");

    List<CallRecord> records;
    try (DuckDbCallStore store = DuckDbCallStore.open(data)) {
      records = store.recent(LIMIT * 2);
    }
    long input = records.stream().mapToLong(CallRecord::inputTokens).sum();
    long output = records.stream().mapToLong(CallRecord::outputTokens).sum();
    BigDecimal cost =
        records.stream()
            .map(CallRecord::costUsd)
            .filter(value -> value != null)
            .reduce(BigDecimal.ZERO, BigDecimal::add);

    assertThat(demo).contains("sent=" + LIMIT + " ");
    assertThat(records).hasSize(LIMIT);
    assertThat(total.path("calls").asLong()).isEqualTo(LIMIT);
    assertThat(total.path("input_tokens").asLong()).isEqualTo(input);
    assertThat(total.path("output_tokens").asLong()).isEqualTo(output);
    assertThat(new BigDecimal(total.path("cost_usd").asText())).isEqualByComparingTo(cost);
    assertThat(cost).isPositive();
  }
}
