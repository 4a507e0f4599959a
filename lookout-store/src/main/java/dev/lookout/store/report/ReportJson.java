package dev.lookout.store.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON form of a {@link Report}, shared by the gateway's report API and {@code lookout report}.
 *
 * <pre>{@code
 * {"groups": [{"key": "gpt-4o", "calls": 3, "errors": 1, "input_tokens": 120,
 *              "output_tokens": 40, "cost_usd": "0.001234500",
 *              "latency_ms": {"p50": 41.0, "p95": 88.5, "p99": 90.1}}],
 *  "total": {the same fields without "key"}}
 * }</pre>
 *
 * <p>{@code cost_usd} is a string so no JSON parser turns it into a binary floating-point number.
 * It is a plain decimal with at least 9 decimal places, never in exponent notation. A percentile of
 * a group without calls is {@code null}.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportJson() {}

  /** Returns the report as one line of JSON. */
  public static String write(Report report) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode groups = root.putArray("groups");
    for (ReportGroup group : report.groups()) {
      ObjectNode node = groups.addObject();
      node.put("key", group.key());
      writeFields(node, group);
    }
    writeFields(root.putObject("total"), report.total());
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Writing a report as JSON failed", e);
    }
  }

  /**
   * Parses JSON written by {@link #write}.
   *
   * @throws IllegalArgumentException if {@code json} is not valid JSON or lacks a field
   */
  public static Report read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid report JSON: " + e.getOriginalMessage(), e);
    }
    List<ReportGroup> groups = new ArrayList<>();
    for (JsonNode node : require(root, "groups", "the report")) {
      groups.add(readGroup(node, require(node, "key", "a group").asText()));
    }
    return new Report(groups, readGroup(require(root, "total", "the report"), null));
  }

  private static void writeFields(ObjectNode node, ReportGroup group) {
    node.put("calls", group.calls());
    node.put("errors", group.errors());
    node.put("input_tokens", group.inputTokens());
    node.put("output_tokens", group.outputTokens());
    node.put("cost_usd", CostFormat.plain(group.costUsd()));
    ObjectNode latency = node.putObject("latency_ms");
    putPercentile(latency, "p50", group.p50Ms());
    putPercentile(latency, "p95", group.p95Ms());
    putPercentile(latency, "p99", group.p99Ms());
    node.put("unpriced_calls", group.unpricedCalls());
  }

  private static void putPercentile(ObjectNode node, String name, double value) {
    if (Double.isNaN(value)) {
      node.putNull(name);
    } else {
      // Microseconds are the finest a gateway's latency means anything at.
      node.put(name, Math.round(value * 1000.0) / 1000.0);
    }
  }

  private static ReportGroup readGroup(JsonNode node, String key) {
    String where = key == null ? "the total" : "group '" + key + "'";
    JsonNode latency = require(node, "latency_ms", where);
    String cost = require(node, "cost_usd", where).asText();
    BigDecimal costUsd;
    try {
      costUsd = new BigDecimal(cost);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid report JSON: cost_usd of " + where + " is not a decimal: '" + cost + "'", e);
    }
    return new ReportGroup(
        key,
        require(node, "calls", where).asLong(),
        require(node, "errors", where).asLong(),
        require(node, "input_tokens", where).asLong(),
        require(node, "output_tokens", where).asLong(),
        costUsd,
        readPercentile(require(latency, "p50", where)),
        readPercentile(require(latency, "p95", where)),
        readPercentile(require(latency, "p99", where)),
        node.path("unpriced_calls").asLong(0));
  }

  private static double readPercentile(JsonNode node) {
    return node.isNull() ? Double.NaN : node.asDouble();
  }

  private static JsonNode require(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw new IllegalArgumentException(
          "Invalid report JSON: field '" + field + "' is missing in " + where);
    }
    return value;
  }
}
