package dev.lookout.store.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTextTest {
  private static final ReportGroup COMMA =
      new ReportGroup("a,b \"c\"", 2, 0, 10, 20, new BigDecimal("0.5"), 1.5, 2.0, 2.25);
  private static final ReportGroup LONG_KEY =
      new ReportGroup("gpt-4o-mini-2024", 10, 2, 1000, 200, new BigDecimal("1.25"), 10, 20, 30);
  private static final ReportGroup TOTAL =
      new ReportGroup(null, 12, 2, 1010, 220, new BigDecimal("1.75"), 9, 19, 29);
  private static final Report REPORT = new Report(List.of(LONG_KEY, COMMA), TOTAL);

  @Test
  void csvQuotesKeyWithComma() {
    String[] lines = ReportText.csv(REPORT, GroupBy.MODEL).split("\r\n");

    assertThat(lines[2]).startsWith("\"a,b \"\"c\"\"\",2,0,10,20,0.500000000,");
  }

  @Test
  void csvHeaderNamesGroupField() {
    String[] lines = ReportText.csv(REPORT, GroupBy.USER).split("\r\n");

    assertThat(lines[0])
        .isEqualTo(
            "user,calls,errors,input_tokens,output_tokens,cost_usd,p50_ms,p95_ms,p99_ms,unpriced_calls");
  }

  @Test
  void csvEndsWithTotal() {
    String[] lines = ReportText.csv(REPORT, GroupBy.MODEL).split("\r\n");

    assertThat(lines[3]).isEqualTo("TOTAL,12,2,1010,220,1.750000000,9.000,19.000,29.000,0");
  }

  @Test
  void csvUnknownLatencyEmpty() {
    ReportGroup empty =
        new ReportGroup(null, 0, 0, 0, 0, BigDecimal.ZERO, Double.NaN, Double.NaN, Double.NaN);
    String csv = ReportText.csv(new Report(List.of(), empty), GroupBy.MODEL);

    assertThat(csv.split("\r\n")[1]).isEqualTo("TOTAL,0,0,0,0,0.000000000,,,,0");
  }

  @Test
  void tableColumnsAligned() {
    String[] lines = ReportText.table(REPORT, GroupBy.MODEL).split("\n");

    assertThat(lines).hasSize(4);
    for (String line : lines) {
      assertThat(line).hasSameSizeAs(lines[0]);
    }
  }

  @Test
  void tableHasHeaderAndTotal() {
    String[] lines = ReportText.table(REPORT, GroupBy.TEMPLATE).split("\n");

    assertThat(lines[0]).startsWith("template ");
    assertThat(lines[3]).startsWith("TOTAL ");
  }

  @Test
  void tableRightAlignsNumbers() {
    String[] lines = ReportText.table(REPORT, GroupBy.MODEL).split("\n");
    int callsEnd = lines[0].indexOf("calls") + "calls".length();

    assertThat(lines[2].substring(0, callsEnd)).endsWith(" 2");
  }

  @Test
  void tableKeepsLineBreakKeyOnOneRow() {
    ReportGroup broken = new ReportGroup("eve\nTOTAL", 1, 0, 1, 1, new BigDecimal("0.1"), 1, 1, 1);
    String table = ReportText.table(new Report(List.of(broken), TOTAL), GroupBy.USER);

    assertThat(table.split("\n")).hasSize(3);
  }

  @Test
  void printableEscapesTerminalCodes() {
    assertThat(ReportText.printable("a\u001b[2Jb\tc")).isEqualTo("a\\u001b[2Jb\\tc");
  }
}
