package dev.lookout.cli.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CostCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void jsonCostOfCachedCall() throws Exception {
    int exit =
        run(
            "--model",
            "gpt-4o",
            "--input-tokens",
            "4020",
            "--output-tokens",
            "13",
            "--cached-tokens",
            "4012",
            "--format",
            "json");
    JsonNode json = new ObjectMapper().readTree(out.toString());

    // gpt-4o: 8 × 2.5 + 4012 × 1.25 + 13 × 10 = 20 + 5015 + 130 = 5165 per million
    assertThat(exit).isZero();
    assertThat(json.path("model").asText()).isEqualTo("gpt-4o");
    assertThat(json.path("priced").asBoolean()).isTrue();
    assertThat(json.path("cost_usd").asText()).isEqualTo("0.005165000");
  }

  @Test
  void jsonShowsResolvedModel() throws Exception {
    run(
        "--model",
        "anthropic/claude-sonnet-4-5-20250929",
        "--input-tokens",
        "1532",
        "--output-tokens",
        "33",
        "--cached-tokens",
        "1111",
        "--cache-write-tokens",
        "418",
        "--format",
        "json");
    JsonNode json = new ObjectMapper().readTree(out.toString());

    // claude-sonnet-4-5: 3 × 3 + 1111 × 0.3 + 418 × 3.75 + 33 × 15 = 2404.8 per million
    assertThat(json.path("model").asText()).isEqualTo("claude-sonnet-4-5");
    assertThat(json.path("cost_usd").asText()).isEqualTo("0.002404800");
  }

  @Test
  void batchCostUsesBatchPrices() throws Exception {
    run(
        "--model",
        "gpt-4o-mini",
        "--input-tokens",
        "3351",
        "--output-tokens",
        "359",
        "--batch",
        "--format",
        "json");
    JsonNode json = new ObjectMapper().readTree(out.toString());

    // gpt-4o-mini batch (0.075 / 0.3): 3351 × 0.075 + 359 × 0.3 = 251.325 + 107.7 = 359.025
    assertThat(json.path("cost_usd").asText()).isEqualTo("0.000359025");
    assertThat(json.path("batch").asBoolean()).isTrue();
  }

  @Test
  void unknownModelIsUnpriced() throws Exception {
    int exit =
        run(
            "--model",
            "gpt-5.6-sol",
            "--input-tokens",
            "10",
            "--output-tokens",
            "1",
            "--format",
            "json");
    JsonNode json = new ObjectMapper().readTree(out.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(json.path("priced").asBoolean()).isFalse();
    assertThat(json.path("cost_usd").isNull()).isTrue();
    assertThat(json.path("model").isNull()).isTrue();
  }

  @Test
  void tableShowsCost() {
    run("--model", "gpt-4o", "--input-tokens", "16", "--output-tokens", "12");

    // gpt-4o: 16 × 2.5 + 12 × 10 = 160 per million
    assertThat(out.toString()).contains("cost_usd: 0.000160000");
  }

  @Test
  void cachedAboveInputIsRejected() {
    int exit =
        run(
            "--model",
            "gpt-4o",
            "--input-tokens",
            "10",
            "--output-tokens",
            "1",
            "--cached-tokens",
            "11");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--cached-tokens (11) must not exceed --input-tokens (10)");
  }

  @Test
  void negativeCountIsRejected() {
    int exit = run("--model", "gpt-4o", "--input-tokens", "-5", "--output-tokens", "1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--input-tokens must be zero or more, got -5");
  }

  @Test
  void countAboveMaximumIsRejected() {
    run("--model", "gpt-4o", "--input-tokens", "100000001", "--output-tokens", "1");

    assertThat(err.toString())
        .contains("--input-tokens must be at most 100000000 (the largest token count");
  }

  @Test
  void countAtMaximumIsPriced() {
    int exit = run("--model", "gpt-4o", "--input-tokens", "100000000", "--output-tokens", "0");

    assertThat(exit).isZero();
  }

  @Test
  void hugeCacheCountsAreRejected() {
    String max = Long.toString(Long.MAX_VALUE);
    int exit =
        run(
            "--model",
            "gpt-4o",
            "--input-tokens",
            max,
            "--cached-tokens",
            max,
            "--cache-write-tokens",
            max,
            "--output-tokens",
            "1");

    assertThat(exit).isEqualTo(2);
  }

  @Test
  void missingPricesFileIsNamed() {
    int exit =
        run(
            "--model",
            "gpt-4o",
            "--input-tokens",
            "1",
            "--output-tokens",
            "1",
            "--prices",
            "/nonexistent/prices.json");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("Price file /nonexistent/prices.json does not exist; check the path");
  }

  @Test
  void reasoningAboveOutputIsRejected() {
    int exit =
        run(
            "--model",
            "o3-mini",
            "--input-tokens",
            "7",
            "--output-tokens",
            "8",
            "--reasoning-tokens",
            "9");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--reasoning-tokens (9)");
  }

  @Test
  void cacheWritesAboveInputAreRejected() {
    int exit =
        run(
            "--model",
            "claude-sonnet-4-5",
            "--input-tokens",
            "10",
            "--output-tokens",
            "1",
            "--cached-tokens",
            "6",
            "--cache-write-tokens",
            "5");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--cache-write-tokens (5)");
  }

  @Test
  void costTextHasNineDecimals() {
    assertThat(CostCommand.costText(new java.math.BigDecimal("0.00000016")))
        .isEqualTo("0.000000160");
  }

  private int run(String... args) {
    CommandLine command = new CommandLine(new CostCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }
}
