package dev.lookout.store.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
  private static final ReportGroup GPT =
      new ReportGroup("gpt", 3, 1, 120, 40, new BigDecimal("0.0012345"), 41.0, 88.5, 90.125);
  private static final ReportGroup EMPTY =
      new ReportGroup("idle", 0, 0, 0, 0, BigDecimal.ZERO, Double.NaN, Double.NaN, Double.NaN);
  private static final ReportGroup TOTAL =
      new ReportGroup(null, 3, 1, 120, 40, new BigDecimal("12.5"), 41.0, 88.5, 90.125);
  private static final Report REPORT = new Report(List.of(GPT, EMPTY), TOTAL);

  private static JsonNode tree(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }

  @Test
  void roundTripEqualsOriginal() {
    assertThat(ReportJson.read(ReportJson.write(REPORT))).isEqualTo(REPORT);
  }

  @Test
  void groupFieldNames() throws Exception {
    JsonNode group = tree(ReportJson.write(REPORT)).get("groups").get(0);

    assertThat(group.fieldNames())
        .toIterable()
        .containsExactly(
            "key",
            "calls",
            "errors",
            "input_tokens",
            "output_tokens",
            "cost_usd",
            "latency_ms",
            "unpriced_calls");
    assertThat(group.get("latency_ms").fieldNames())
        .toIterable()
        .containsExactly("p50", "p95", "p99");
  }

  @Test
  void totalHasNoKey() throws Exception {
    JsonNode total = tree(ReportJson.write(REPORT)).get("total");

    assertThat(total.has("key")).isFalse();
    assertThat(total.has("calls")).isTrue();
  }

  @Test
  void costIsPlainStringWithNinePlaces() throws Exception {
    JsonNode root = tree(ReportJson.write(REPORT));

    assertThat(root.get("groups").get(0).get("cost_usd").isTextual()).isTrue();
    assertThat(root.get("groups").get(0).get("cost_usd").asText()).isEqualTo("0.001234500");
    assertThat(root.get("total").get("cost_usd").asText()).isEqualTo("12.500000000");
  }

  @Test
  void tinyCostNeverScientific() throws Exception {
    ReportGroup tiny = new ReportGroup("t", 1, 0, 1, 1, new BigDecimal("1E-12"), 1.0, 1.0, 1.0);
    JsonNode root = tree(ReportJson.write(new Report(List.of(tiny), tiny)));

    assertThat(root.get("total").get("cost_usd").asText()).isEqualTo("0.000000000001");
  }

  @Test
  void largeCostNeverScientific() throws Exception {
    ReportGroup large = new ReportGroup("t", 1, 0, 1, 1, new BigDecimal("1E+3"), 1.0, 1.0, 1.0);
    JsonNode root = tree(ReportJson.write(new Report(List.of(large), large)));

    assertThat(root.get("total").get("cost_usd").asText()).isEqualTo("1000.000000000");
  }

  @Test
  void unknownPercentileIsNull() throws Exception {
    JsonNode latency = tree(ReportJson.write(REPORT)).get("groups").get(1).get("latency_ms");

    assertThat(latency.get("p50").isNull()).isTrue();
  }

  @Test
  void countsAreNumbers() throws Exception {
    JsonNode group = tree(ReportJson.write(REPORT)).get("groups").get(0);

    assertThat(group.get("calls").isIntegralNumber()).isTrue();
    assertThat(group.get("input_tokens").asLong()).isEqualTo(120);
  }

  @Test
  void missingFieldNamed() {
    assertThatThrownBy(() -> ReportJson.read("{\"groups\": []}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'total'");
  }

  @Test
  void invalidJsonRejected() {
    assertThatThrownBy(() -> ReportJson.read("{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid report JSON");
  }
}
