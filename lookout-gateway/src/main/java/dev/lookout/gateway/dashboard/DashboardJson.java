package dev.lookout.gateway.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.record.CallRecord;
import dev.lookout.store.query.GuardCount;
import dev.lookout.store.query.TimeBucket;
import dev.lookout.store.report.CostFormat;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * JSON bodies of the dashboard API. Field names are snake_case, times ISO-8601 UTC, costs decimal
 * strings (never binary floating point), and a percentile of an empty set is {@code null}.
 */
final class DashboardJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private DashboardJson() {}

  static String timeSeries(Instant since, Duration bucket, List<TimeBucket> buckets) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("since", since.toString());
    root.put("bucket_seconds", bucket.toSeconds());
    ArrayNode points = root.putArray("points");
    for (TimeBucket b : buckets) {
      ObjectNode point = points.addObject();
      point.put("t", b.start().toString());
      point.put("calls", b.calls());
      point.put("errors", b.errors());
      point.put("input_tokens", b.inputTokens());
      point.put("output_tokens", b.outputTokens());
      point.put("cost_usd", CostFormat.plain(b.costUsd()));
      ObjectNode latency = point.putObject("latency_ms");
      putMillis(latency, "p50", b.p50Ms());
      putMillis(latency, "p95", b.p95Ms());
      putMillis(latency, "p99", b.p99Ms());
    }
    return write(root);
  }

  static String guardCounts(Instant since, Duration bucket, List<GuardCount> counts) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("since", since.toString());
    root.put("bucket_seconds", bucket.toSeconds());
    ArrayNode points = root.putArray("points");
    for (GuardCount count : counts) {
      ObjectNode point = points.addObject();
      point.put("t", count.start().toString());
      point.put("guard", count.guard());
      point.put("direction", count.direction());
      point.put("action", count.action());
      point.put("reason", count.reason());
      point.put("calls", count.calls());
    }
    return write(root);
  }

  static String callList(List<CallRecord> calls, boolean more) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode array = root.putArray("calls");
    for (CallRecord call : calls) {
      summary(array.addObject(), call);
    }
    if (more && !calls.isEmpty()) {
      root.put("next_before", calls.get(calls.size() - 1).requestId());
    } else {
      root.putNull("next_before");
    }
    return write(root);
  }

  /**
   * Returns every field of the record. It holds no provider key, because none is stored: {@code
   * api_key_id} names Lookout's own key.
   */
  static String callDetail(CallRecord call) {
    ObjectNode node = MAPPER.createObjectNode();
    summary(node, call);
    node.put("endpoint", call.endpoint());
    node.put("provider", call.provider());
    node.put("response_model", call.responseModel());
    node.put("template_version", call.templateVersion());
    node.put("prompt_hash", call.promptHash());
    putLong(node, "cached_input_tokens", call.cachedInputTokens());
    putLong(node, "cache_write_tokens", call.cacheWriteTokens());
    putLong(node, "reasoning_tokens", call.reasoningTokens());
    node.put("usage_source", call.usageSource() == null ? null : call.usageSource().wireName());
    node.put("priced", call.priced());
    if (call.ttftMs() == null) {
      node.putNull("ttft_ms");
    } else {
      node.put("ttft_ms", call.ttftMs());
    }
    node.put("error_type", call.errorType());
    node.put("error_message", call.errorMessage());
    node.put("api_key_id", call.apiKeyId());
    node.put("variant", call.variant());
    node.set("guard_actions", guardActions(call.guardActions()));
    ObjectNode metadata = node.putObject("metadata");
    if (call.metadata() != null) {
      for (Map.Entry<String, String> entry : call.metadata().entrySet()) {
        metadata.put(entry.getKey(), entry.getValue());
      }
    }
    return write(node);
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Writing dashboard JSON failed", e);
    }
  }

  static String cost(BigDecimal amount) {
    return CostFormat.plain(amount == null ? BigDecimal.ZERO : amount);
  }

  private static void summary(ObjectNode node, CallRecord call) {
    node.put("request_id", call.requestId());
    node.put("timestamp", call.timestamp().toString());
    node.put("model", call.model());
    node.put("status", call.status().wireName());
    node.put("http_status", call.httpStatus());
    node.put("latency_ms", call.latencyMs());
    node.put("cost_usd", call.costUsd() == null ? null : CostFormat.plain(call.costUsd()));
    putLong(node, "input_tokens", call.inputTokens());
    putLong(node, "output_tokens", call.outputTokens());
    node.put("stream", call.stream());
    node.put("user_id", call.userId());
    node.put("prompt_template", call.promptTemplate());
    node.put("experiment_id", call.experimentId());
    node.put("guarded", call.guardActions() != null);
  }

  private static JsonNode guardActions(String json) {
    if (json == null) {
      return MAPPER.createArrayNode();
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      // A record written by another version may hold text that is not JSON; show it as text.
      return MAPPER.getNodeFactory().textNode(json);
    }
  }

  private static void putLong(ObjectNode node, String name, Long value) {
    if (value == null) {
      node.putNull(name);
    } else {
      node.put(name, value.longValue());
    }
  }

  private static void putMillis(ObjectNode node, String name, double value) {
    if (Double.isNaN(value)) {
      node.putNull(name);
    } else {
      node.put(name, Math.round(value * 1000.0) / 1000.0);
    }
  }
}
