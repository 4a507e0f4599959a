package dev.lookout.core.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prices the lines of an OpenAI Batch API output file ({@code {"custom_id", "response":
 * {"status_code", "body"}, "error"}} per line) at batch prices.
 *
 * <p>Each line is one request and is priced once, from its own body's {@code model} and {@code
 * usage}. A line without usage (a failed request) or whose model has no batch price is unpriced and
 * does not count towards {@link #totalUsd}.
 */
public final class BatchOutputCost {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The price of one output line.
   *
   * @param customId the line's {@code custom_id}
   * @param quote the cost or the reason it has none; null when the line has no usage
   */
  public record Line(String customId, PriceQuote quote) {

    /** Returns the cost of the line, or empty when unpriced. */
    public Optional<BigDecimal> costUsd() {
      return quote == null ? Optional.empty() : Optional.ofNullable(quote.costUsd());
    }
  }

  private final List<Line> lines;

  private BatchOutputCost(List<Line> lines) {
    this.lines = List.copyOf(lines);
  }

  /**
   * Prices every non-blank line of an output file.
   *
   * @throws IllegalArgumentException naming the line number when a line is not valid JSON
   */
  public static BatchOutputCost price(PriceTable table, List<String> fileLines) {
    List<Line> priced = new ArrayList<>();
    for (int i = 0; i < fileLines.size(); i++) {
      String text = fileLines.get(i);
      if (text.isBlank()) {
        continue;
      }
      JsonNode line = parse(text, i + 1);
      String model = line.path("response").path("body").path("model").asText("");
      Optional<TokenUsage> usage = UsageReader.fromBatchLine(line);
      PriceQuote quote = usage.map(found -> table.quote(model, found, true)).orElse(null);
      priced.add(new Line(line.path("custom_id").asText(null), quote));
    }
    return new BatchOutputCost(priced);
  }

  /** Returns the lines in file order. */
  public List<Line> lines() {
    return lines;
  }

  /** Returns the sum of the priced lines' costs in USD. */
  public BigDecimal totalUsd() {
    BigDecimal total = BigDecimal.ZERO;
    for (Line line : lines) {
      total = total.add(line.costUsd().orElse(BigDecimal.ZERO));
    }
    return total;
  }

  /** Returns the number of lines without a cost. */
  public long unpricedLines() {
    return lines.stream().filter(line -> line.costUsd().isEmpty()).count();
  }

  private static JsonNode parse(String text, int lineNumber) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Batch output line " + lineNumber + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
