package dev.lookout.gateway.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.usage.StreamAccumulator;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.ToolCall;
import java.util.List;

/**
 * A streamed response reassembled from its events: the text of the deltas, tool calls, usage and
 * any error inside the stream. Taken on the event loop as a snapshot, so the accumulator is not
 * read from another thread.
 *
 * <p>Stored as {@code {"object": "lookout.stream", "model", "text", "refusal", "reasoning",
 * "tool_calls": [{"id", "name", "arguments"}], "usage": {"input_tokens", "output_tokens"},
 * "error"}}, with absent parts left out.
 */
public record StreamedResponse(
    String model,
    String text,
    String refusal,
    String reasoning,
    List<ToolCall> toolCalls,
    TokenUsage usage,
    String error) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Takes a snapshot of the model and usage the provider sent and of the texts the client got.
   *
   * @param delivered what a redacted stream sent to the client, or null when the client got what
   *     {@code provider} read
   */
  public static StreamedResponse of(StreamAccumulator provider, StreamAccumulator delivered) {
    StreamAccumulator sent = delivered == null ? provider : delivered;
    return new StreamedResponse(
        provider.responseModel(),
        sent.outputText(),
        sent.refusal(),
        sent.reasoningText(),
        List.copyOf(sent.toolCalls()),
        provider.usage().orElse(null),
        sent.errorMessage());
  }

  /** Returns the JSON object described above. */
  public JsonNode toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("object", "lookout.stream");
    putText(node, "model", model);
    putText(node, "text", text);
    putText(node, "refusal", refusal);
    putText(node, "reasoning", reasoning);
    if (!toolCalls.isEmpty()) {
      ArrayNode calls = node.putArray("tool_calls");
      for (ToolCall call : toolCalls) {
        calls
            .addObject()
            .put("id", call.id())
            .put("name", call.name())
            .put("arguments", call.arguments());
      }
    }
    if (usage != null) {
      node.putObject("usage")
          .put("input_tokens", usage.inputTokens())
          .put("output_tokens", usage.outputTokens());
    }
    putText(node, "error", error);
    return node;
  }

  private static void putText(ObjectNode node, String field, String value) {
    if (value != null && !value.isEmpty()) {
      node.put(field, value);
    }
  }
}
