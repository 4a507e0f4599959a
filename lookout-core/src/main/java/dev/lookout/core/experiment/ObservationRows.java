package dev.lookout.core.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.experiment.stats.SampleSummary;
import dev.lookout.core.io.JsonLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raw experiment rows from a JSON-lines file, one object per observation: {@code {"variant": "b",
 * "thumbs_up": true, "cost_usd": 0.0021}}. Every field other than {@code variant} is a metric. A
 * metric whose values are all booleans or 0 and 1 is a rate, any other numbers make it a mean, and
 * null or missing values are skipped. Each row counts as one unit for the sample-ratio check.
 */
public final class ObservationRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Set<String> variants = new LinkedHashSet<>();
  private final Map<String, Long> units = new LinkedHashMap<>();
  private final Map<String, Map<String, SampleSummary>> metrics = new LinkedHashMap<>();
  private final Set<String> notRates = new HashSet<>();

  private ObservationRows() {}

  /**
   * Reads the file.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if a line is not JSON, not an object with a string {@code
   *     variant}, or a metric value is neither a number nor a boolean; the message names the line
   */
  public static ObservationRows read(Path file) throws IOException {
    ObservationRows rows = new ObservationRows();
    JsonLines.read(
        file,
        (line, number) -> {
          String where = file + " line " + number;
          JsonNode row;
          try {
            row = JSON.readTree(line);
          } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                where
                    + " is not JSON ("
                    + e.getOriginalMessage()
                    + "); write one object per line, for example"
                    + " {\"variant\": \"b\", \"thumbs_up\": true}",
                e);
          }
          rows.add(row, where);
          return Boolean.TRUE;
        });
    return rows;
  }

  /** Adds one row; {@code where} names it in error messages. */
  void add(JsonNode row, String where) {
    if (row == null || !row.isObject() || !row.path("variant").isTextual()) {
      throw new IllegalArgumentException(
          where
              + " must be a JSON object with a string \"variant\", for example"
              + " {\"variant\": \"b\", \"thumbs_up\": true}");
    }
    String variant = row.get("variant").asText();
    variants.add(variant);
    units.merge(variant, 1L, Long::sum);
    var fields = row.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      String metric = field.getKey();
      JsonNode value = field.getValue();
      if (metric.equals("variant") || value.isNull()) {
        continue;
      }
      double number;
      if (value.isBoolean()) {
        number = value.asBoolean() ? 1 : 0;
      } else if (value.isNumber()) {
        number = value.asDouble();
        if (number != 0 && number != 1) {
          notRates.add(metric);
        }
      } else {
        throw new IllegalArgumentException(
            where + ": metric \"" + metric + "\" must be a number or a boolean, got " + value);
      }
      metrics
          .computeIfAbsent(metric, name -> new LinkedHashMap<>())
          .merge(variant, SampleSummary.of(number), SampleSummary::plus);
    }
  }

  /** Returns the variant names in the order they first appear. */
  public List<String> variants() {
    return new ArrayList<>(variants);
  }

  /** Returns the data for the analyser. */
  public ExperimentData data() {
    Map<String, MetricKind> kinds = new LinkedHashMap<>();
    for (String metric : metrics.keySet()) {
      kinds.put(metric, notRates.contains(metric) ? MetricKind.MEAN : MetricKind.RATE);
    }
    return new ExperimentData(units, metrics, kinds);
  }
}
