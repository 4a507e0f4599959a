package dev.lookout.core.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects usage, output text, tool calls and errors from the events of one streamed response.
 *
 * <p>Reads OpenAI Chat Completions chunks (and the vendors that copy them: Azure, Groq, OpenRouter,
 * Hugging Face, Mistral), legacy Completions chunks, the named events of the OpenAI Responses API
 * and the Anthropic Messages events. Usage is normalised as {@link UsageReader} does:
 *
 * <ul>
 *   <li>Chat Completions: the last chunk with a non-null {@code usage}, whether it is an extra
 *       chunk with {@code choices: []} or the finish chunk (Groq); {@code x_groq.usage} when the
 *       chunk has no top-level usage.
 *   <li>Responses API: {@code response.usage} of {@code response.completed}, {@code
 *       response.incomplete} or {@code response.failed}.
 *   <li>Anthropic: the usage of {@code message_start} overridden field by field by the cumulative
 *       usage of each {@code message_delta}.
 * </ul>
 *
 * <p>An error inside a stream that started with HTTP 200 (an {@code event: error}, or a data
 * payload with a top-level {@code error}) is kept in {@link #errorMessage()}. Data that is not JSON
 * is skipped without an exception.
 *
 * <p>Typical use, with the events an {@link dev.lookout.core.sse.SseParser} dispatches:
 *
 * <pre>{@code
 * StreamAccumulator stream = new StreamAccumulator();
 * SseParser parser = new SseParser(event -> stream.onEvent(event.event(), event.data()));
 * parser.feed(chunk);       // for every chunk
 * parser.finish();
 * stream.usage();           // Optional[TokenUsage[inputTokens=16, outputTokens=10, ...]]
 * }</pre>
 *
 * <p>Not thread-safe: one accumulator per stream, fed from one thread.
 */
public final class StreamAccumulator {
  private static final Logger LOG = LoggerFactory.getLogger(StreamAccumulator.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DONE = "[DONE]";

  private final StringBuilder text = new StringBuilder();
  private final StringBuilder refusal = new StringBuilder();
  private final StringBuilder reasoning = new StringBuilder();
  private final Map<String, ToolCallParts> toolCalls = new LinkedHashMap<>();
  private TokenUsage usage;

  /** Set once the stream carried a usage with an impossible count: then none is trusted. */
  private boolean usageRejected;

  private ObjectNode anthropicUsage;
  private boolean anthropicFinalUsage;
  private String responseModel;
  private String errorMessage;
  private boolean sawContent;
  private boolean sawEnd;
  private boolean sawFinishReason;
  private int skippedEvents;

  /** Takes one SSE event; {@code event} is null for unnamed events. */
  public void onEvent(String event, String data) {
    if (data == null) {
      return;
    }
    if (DONE.equals(data.strip())) {
      sawEnd = true;
      return;
    }
    JsonNode payload = parse(data);
    if ("error".equals(event)) {
      recordError(payload, data);
      return;
    }
    if (payload == null || !payload.isObject()) {
      return;
    }
    JsonNode error = payload.get("error");
    if (error != null && !error.isNull()) {
      recordError(payload, data);
    }
    JsonNode type = payload.get("type");
    if (type != null && type.isTextual()) {
      String name = type.asText();
      if (name.startsWith("response.")) {
        onResponsesEvent(name, payload);
      } else {
        onAnthropicEvent(name, payload);
      }
      return;
    }
    onChatChunk(payload);
  }

  /** Returns the usage seen in the stream, from whichever chunk carried it. */
  public Optional<TokenUsage> usage() {
    return usageRejected ? Optional.empty() : Optional.ofNullable(usage);
  }

  /** Keeps {@code read} as the stream's usage, or notes that {@code raw}'s counts were rejected. */
  private void take(Optional<TokenUsage> read, JsonNode raw) {
    if (read.isPresent()) {
      usage = read.get();
    } else if (UsageReader.hasCounts(raw)) {
      usageRejected = true;
    }
  }

  /**
   * Returns whether the output count of {@link #usage} is the provider's final one. An Anthropic
   * stream cut before its {@code message_delta} carries only {@code message_start}'s output count,
   * a placeholder of about one token, however much text followed.
   */
  public boolean outputCountFinal() {
    return anthropicUsage == null || anthropicFinalUsage;
  }

  /** Returns the content text assembled so far, without refusals, reasoning or tool calls. */
  public String outputText() {
    return text.toString();
  }

  /** Returns the refusal text assembled so far (OpenAI structured outputs), empty when none. */
  public String refusal() {
    return refusal.toString();
  }

  /**
   * Returns the reasoning or thinking text the provider streamed (Anthropic {@code thinking_delta},
   * Groq and others' {@code delta.reasoning}), empty when none.
   */
  public String reasoningText() {
    return reasoning.toString();
  }

  /** Returns the tool calls assembled so far, in the order they started. */
  public List<ToolCall> toolCalls() {
    List<ToolCall> calls = new ArrayList<>(toolCalls.size());
    for (ToolCallParts parts : toolCalls.values()) {
      calls.add(parts.toToolCall());
    }
    return calls;
  }

  /** Returns the model the provider named in its chunks, or null until a non-empty one is seen. */
  public String responseModel() {
    return responseModel;
  }

  /** Returns the message of the first error event inside the stream, or null. */
  public String errorMessage() {
    return errorMessage;
  }

  /**
   * Returns whether the first chunk carrying output has been seen: non-empty content, refusal,
   * reasoning or text delta, or the start of a tool call. The gateway takes the time of that chunk
   * as the time to first token.
   */
  public boolean sawContent() {
    return sawContent;
  }

  /**
   * Returns whether the stream's end marker arrived: {@code data: [DONE]}, Anthropic's {@code
   * message_stop} or a terminal Responses API event. A stream closed without it was cut short.
   */
  public boolean sawEnd() {
    return sawEnd;
  }

  /**
   * Returns whether a chat or completion chunk named a {@code finish_reason}: a complete stream has
   * one even where its provider sends no {@code [DONE]}.
   */
  public boolean sawFinishReason() {
    return sawFinishReason;
  }

  private JsonNode parse(String data) {
    try {
      return JSON.readTree(data);
    } catch (JsonProcessingException e) {
      skippedEvents++;
      if (skippedEvents == 1) {
        LOG.debug("Skipped stream data that is not JSON: {}", e.getOriginalMessage());
      }
      return null;
    }
  }

  private void onChatChunk(JsonNode chunk) {
    setModel(chunk.path("model"));
    JsonNode chunkUsage = chunk.get("usage");
    if (chunkUsage == null || chunkUsage.isNull()) {
      chunkUsage = chunk.path("x_groq").get("usage");
    }
    if (chunkUsage != null && chunkUsage.isObject()) {
      take(UsageReader.fromChatUsage(chunkUsage, responseModel), chunkUsage);
    }
    // Gemini's native streamGenerateContent chunks carry a cumulative usageMetadata.
    take(UsageReader.fromGeminiUsage(chunk.get("usageMetadata")), chunk.get("usageMetadata"));
    for (JsonNode choice : chunk.path("choices")) {
      JsonNode finish = choice.get("finish_reason");
      if (finish != null && finish.isTextual() && !finish.asText().isEmpty()) {
        sawFinishReason = true;
      }
      // NOTE: with n > 1 the choices interleave, so only the first choice's text is kept.
      if (choice.path("index").asInt(0) != 0) {
        continue;
      }
      appendOutput(text, choice.get("text"));
      JsonNode delta = choice.path("delta");
      appendOutput(text, delta.get("content"));
      appendOutput(refusal, delta.get("refusal"));
      appendOutput(reasoning, delta.get("reasoning"));
      appendOutput(reasoning, delta.get("reasoning_content"));
      int position = 0;
      for (JsonNode call : delta.path("tool_calls")) {
        String key = "chat:" + call.path("index").asInt(position);
        position++;
        ToolCallParts parts = toolCalls.computeIfAbsent(key, k -> new ToolCallParts());
        JsonNode function = call.path("function");
        parts.update(call.get("id"), function.get("name"), function.get("arguments"));
        sawContent = true;
      }
    }
  }

  private void onResponsesEvent(String name, JsonNode payload) {
    switch (name) {
      case "response.created", "response.in_progress" ->
          setModel(payload.path("response").path("model"));
      case "response.output_text.delta" -> appendOutput(text, payload.get("delta"));
      case "response.refusal.delta" -> appendOutput(refusal, payload.get("delta"));
      case "response.reasoning_text.delta", "response.reasoning_summary_text.delta" ->
          appendOutput(reasoning, payload.get("delta"));
      case "response.output_item.added" -> {
        JsonNode item = payload.path("item");
        if ("function_call".equals(item.path("type").asText())) {
          ToolCallParts parts =
              toolCalls.computeIfAbsent(responsesKey(payload), k -> new ToolCallParts());
          parts.update(item.get("call_id"), item.get("name"), item.get("arguments"));
          sawContent = true;
        }
      }
      case "response.function_call_arguments.delta" -> {
        ToolCallParts parts =
            toolCalls.computeIfAbsent(responsesKey(payload), k -> new ToolCallParts());
        parts.update(null, null, payload.get("delta"));
        sawContent = true;
      }
      case "response.completed", "response.incomplete", "response.failed" -> {
        JsonNode response = payload.path("response");
        setModel(response.path("model"));
        take(UsageReader.fromResponsesUsage(response.path("usage")), response.path("usage"));
        JsonNode error = response.get("error");
        if (error != null && !error.isNull()) {
          recordError(response, response.toString());
        }
        sawEnd = true;
      }
      default -> {
        // Other events (content_part, output_item.done, *.done) repeat what the deltas carried.
      }
    }
  }

  private static String responsesKey(JsonNode payload) {
    JsonNode itemId =
        payload.has("item_id") ? payload.get("item_id") : payload.path("item").get("id");
    if (itemId != null && itemId.isTextual()) {
      return "responses:" + itemId.asText();
    }
    return "responses#" + payload.path("output_index").asInt();
  }

  private void onAnthropicEvent(String name, JsonNode payload) {
    switch (name) {
      case "message_start" -> {
        JsonNode message = payload.path("message");
        setModel(message.path("model"));
        mergeAnthropicUsage(message.get("usage"));
      }
      case "content_block_start" -> {
        JsonNode block = payload.path("content_block");
        String blockType = block.path("type").asText();
        if (blockType.equals("tool_use") || blockType.equals("server_tool_use")) {
          ToolCallParts parts =
              toolCalls.computeIfAbsent(anthropicKey(payload), k -> new ToolCallParts());
          parts.update(block.get("id"), block.get("name"), null);
          sawContent = true;
        } else if (blockType.equals("text")) {
          appendOutput(text, block.get("text"));
        }
      }
      case "content_block_delta" -> {
        JsonNode delta = payload.path("delta");
        switch (delta.path("type").asText()) {
          case "text_delta" -> appendOutput(text, delta.get("text"));
          case "thinking_delta" -> appendOutput(reasoning, delta.get("thinking"));
          case "input_json_delta" -> {
            ToolCallParts parts =
                toolCalls.computeIfAbsent(anthropicKey(payload), k -> new ToolCallParts());
            parts.update(null, null, delta.get("partial_json"));
          }
          default -> {
            // signature_delta and citations_delta carry no output tokens to count.
          }
        }
      }
      case "message_delta" -> {
        JsonNode update = payload.get("usage");
        if (update != null && update.isObject()) {
          anthropicFinalUsage = true;
        }
        mergeAnthropicUsage(update);
      }
      case "message_stop" -> sawEnd = true;
      case "error" -> recordError(payload, payload.toString());
      default -> {
        // ping and content_block_stop carry nothing to collect.
      }
    }
  }

  private static String anthropicKey(JsonNode payload) {
    return "anthropic:" + payload.path("index").asInt();
  }

  /** Overrides the usage fields seen so far with the non-null ones of {@code update}. */
  private void mergeAnthropicUsage(JsonNode update) {
    if (update == null || !update.isObject()) {
      return;
    }
    if (anthropicUsage == null) {
      anthropicUsage = JSON.createObjectNode();
    }
    for (Map.Entry<String, JsonNode> field : update.properties()) {
      if (!field.getValue().isNull()) {
        anthropicUsage.set(field.getKey(), field.getValue());
      }
    }
    take(UsageReader.fromAnthropicUsage(anthropicUsage), anthropicUsage);
  }

  private void setModel(JsonNode model) {
    if (responseModel == null && model != null && model.isTextual() && !model.asText().isEmpty()) {
      responseModel = model.asText();
    }
  }

  private void appendOutput(StringBuilder target, JsonNode value) {
    if (value != null && value.isTextual() && !value.asText().isEmpty()) {
      target.append(value.asText());
      sawContent = true;
    }
  }

  private void recordError(JsonNode payload, String raw) {
    if (errorMessage != null) {
      return;
    }
    String message = null;
    if (payload != null) {
      JsonNode error = payload.path("error");
      if (error.isTextual()) {
        message = error.asText();
      } else if (error.path("message").isTextual()) {
        message = error.path("message").asText();
      } else if (payload.path("message").isTextual()) {
        message = payload.path("message").asText();
      }
    }
    errorMessage = message == null || message.isBlank() ? raw : message;
  }

  /** The parts of one tool call as they arrive in fragments. */
  private static final class ToolCallParts {
    private String id = "";
    private String name = "";
    private final StringBuilder arguments = new StringBuilder();

    void update(JsonNode idValue, JsonNode nameValue, JsonNode argumentsFragment) {
      if (idValue != null && idValue.isTextual() && id.isEmpty()) {
        id = idValue.asText();
      }
      if (nameValue != null && nameValue.isTextual() && name.isEmpty()) {
        name = nameValue.asText();
      }
      if (argumentsFragment != null && argumentsFragment.isTextual()) {
        arguments.append(argumentsFragment.asText());
      }
    }

    ToolCall toToolCall() {
      return new ToolCall(id, name, arguments.toString());
    }
  }
}
