package dev.lookout.core.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the output of a non-streamed response body: its text and its tool calls.
 *
 * <p>Reads OpenAI Chat Completions ({@code choices[0].message.content}), legacy Completions ({@code
 * choices[0].text}), the Responses API ({@code output_text} parts of {@code message} items, {@code
 * function_call} items) and Anthropic Messages ({@code text} and {@code tool_use} content blocks).
 * Only the first choice is read when a chat response has several.
 */
public final class ResponseOutput {
  private ResponseOutput() {}

  /**
   * Returns the output text of {@code body}, or null when the response has no text part at all (a
   * chat message whose content is null because it holds only tool calls or a refusal).
   */
  public static String text(JsonNode body) {
    if (body == null || !body.isObject()) {
      return null;
    }
    if (body.has("choices")) {
      JsonNode choice = body.path("choices").path(0);
      JsonNode content = choice.path("message").get("content");
      if (content == null) {
        content = choice.get("text");
      }
      return content != null && content.isTextual() ? content.asText() : null;
    }
    if (body.path("output").isArray()) {
      return responsesText(body.path("output"));
    }
    if (body.path("content").isArray()) {
      return anthropicText(body.path("content"));
    }
    return null;
  }

  /** Returns the tool calls of {@code body} in response order, empty when there are none. */
  public static List<ToolCall> toolCalls(JsonNode body) {
    List<ToolCall> calls = new ArrayList<>();
    if (body == null || !body.isObject()) {
      return calls;
    }
    for (JsonNode call : body.path("choices").path(0).path("message").path("tool_calls")) {
      JsonNode function = call.path("function");
      calls.add(
          new ToolCall(
              call.path("id").asText(""),
              function.path("name").asText(""),
              function.path("arguments").asText("")));
    }
    for (JsonNode item : body.path("output")) {
      if ("function_call".equals(item.path("type").asText())) {
        calls.add(
            new ToolCall(
                item.path("call_id").asText(""),
                item.path("name").asText(""),
                item.path("arguments").asText("")));
      }
    }
    for (JsonNode block : body.path("content")) {
      if ("tool_use".equals(block.path("type").asText())) {
        calls.add(
            new ToolCall(
                block.path("id").asText(""),
                block.path("name").asText(""),
                block.path("input").toString()));
      }
    }
    return calls;
  }

  private static String responsesText(JsonNode output) {
    StringBuilder text = null;
    for (JsonNode item : output) {
      for (JsonNode part : item.path("content")) {
        if ("output_text".equals(part.path("type").asText())) {
          text = text == null ? new StringBuilder() : text;
          text.append(part.path("text").asText(""));
        }
      }
    }
    return text == null ? null : text.toString();
  }

  private static String anthropicText(JsonNode content) {
    StringBuilder text = null;
    for (JsonNode block : content) {
      if ("text".equals(block.path("type").asText())) {
        text = text == null ? new StringBuilder() : text;
        text.append(block.path("text").asText(""));
      }
    }
    return text == null ? null : text.toString();
  }
}
