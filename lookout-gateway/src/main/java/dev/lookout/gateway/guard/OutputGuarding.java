package dev.lookout.gateway.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.Guard;
import dev.lookout.core.guard.GuardAction;
import dev.lookout.core.guard.GuardOutcome;
import dev.lookout.core.guard.GuardPipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the output guards over a complete, non-streamed response: chat message contents (a string or
 * the texts of an array of parts), refusals and reasoning ({@code reasoning_content}, {@code
 * reasoning}, the {@code text} and {@code summary} of each entry of {@code reasoning_details}),
 * audio transcripts, the arguments of tool and function calls and the input of custom tool calls,
 * text completions. In Anthropic responses they are text blocks, thinking blocks, tool input, and
 * the texts of citations and server tool results that {@link CitedSources} lists. Output guards
 * only redact. A block on output is treated as a redaction of the whole text, because the client
 * has already paid for the call. Arguments are JSON text and stay valid JSON; see {@link
 * JsonTextRedaction}. A tool input object, and arguments sent as an object, stay objects with their
 * values redacted the same way.
 *
 * <p>A thinking block's {@code signature} is kept as it is. It signs the thinking text the provider
 * wrote, so a block whose text was redacted no longer matches it, and Anthropic rejects such a
 * block when the client sends it back in a later request.
 */
public final class OutputGuarding {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GuardPipeline pipeline;

  public OutputGuarding(GuardPipeline pipeline) {
    this.pipeline = pipeline;
  }

  public static OutputGuarding none() {
    return new OutputGuarding(GuardPipeline.none());
  }

  public boolean active() {
    return pipeline.hasOutputGuards();
  }

  public GuardPipeline pipeline() {
    return pipeline;
  }

  /** Redacts {@code body} in place and returns the outcomes of the texts guards acted on. */
  public List<GuardOutcome> apply(JsonNode body) {
    List<GuardOutcome> outcomes = new ArrayList<>();
    for (JsonNode choice : body.path("choices")) {
      if (choice.get("message") instanceof ObjectNode message) {
        guard(message, "content", outcomes);
        guardContentParts(message, outcomes);
        guard(message, "refusal", outcomes);
        guard(message, "reasoning_content", outcomes);
        guard(message, "reasoning", outcomes);
        for (JsonNode detail : message.path("reasoning_details")) {
          if (detail instanceof ObjectNode node) {
            guard(node, "text", outcomes);
            guard(node, "summary", outcomes);
          }
        }
        if (message.get("audio") instanceof ObjectNode audio) {
          guard(audio, "transcript", outcomes);
        }
        if (message.get("function_call") instanceof ObjectNode call) {
          guardArguments(call, outcomes);
        }
        for (JsonNode call : message.path("tool_calls")) {
          if (call.get("function") instanceof ObjectNode function) {
            guardArguments(function, outcomes);
          }
          // A custom tool's input is free text, not JSON.
          if (call.get("custom") instanceof ObjectNode custom) {
            guard(custom, "input", outcomes);
          }
        }
      }
      if (choice.isObject()) {
        guard((ObjectNode) choice, "text", outcomes);
      }
    }
    for (JsonNode block : body.path("content")) {
      if (block instanceof ObjectNode node) {
        guard(node, "text", outcomes);
        guard(node, "thinking", outcomes);
        CitedSources.visitBlock(node, (parent, field) -> guard(parent, field, outcomes));
        guardInput(node, outcomes);
      }
    }
    // OpenAI and Anthropic error bodies both carry the text in error.message.
    if (body.get("error") instanceof ObjectNode error) {
      guard(error, "message", outcomes);
    }
    return outcomes;
  }

  /**
   * Redacts every string value of {@code body} in place and returns the outcomes of the texts
   * guards acted on. For a provider's error body, which may quote the request in any field, and for
   * JSON bodies of no known shape.
   */
  public List<GuardOutcome> applyToAll(JsonNode body) {
    List<GuardOutcome> outcomes = new ArrayList<>();
    guardAll(body, outcomes);
    return outcomes;
  }

  /**
   * Returns {@code text}, a body that is not JSON, with what the guards found redacted, or null
   * when they passed it. Adds the outcome to {@code outcomes}.
   */
  public String applyToText(String text, List<GuardOutcome> outcomes) {
    GuardOutcome outcome = pipeline.check(text, Direction.OUTPUT);
    if (outcome.action() == GuardAction.PASS) {
      return null;
    }
    outcomes.add(outcome);
    return outcome.action() == GuardAction.BLOCK ? "[BLOCKED]" : outcome.text();
  }

  private void guardAll(JsonNode node, List<GuardOutcome> outcomes) {
    if (node instanceof ObjectNode object) {
      List<String> fields = new ArrayList<>();
      object.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        guard(object, field, outcomes);
        guardAll(object.get(field), outcomes);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        String redacted = element.isTextual() ? applyToText(element.asText(), outcomes) : null;
        if (redacted != null) {
          array.set(i, TextNode.valueOf(redacted));
        } else {
          guardAll(element, outcomes);
        }
      }
    }
  }

  /**
   * Redacts the texts of a {@code content} given as an array of parts: the {@code text} of each
   * part, and the {@code thinking} of a thinking part, a string or, from Mistral, text parts.
   */
  private void guardContentParts(ObjectNode message, List<GuardOutcome> outcomes) {
    for (JsonNode part : message.path("content")) {
      if (!(part instanceof ObjectNode node)) {
        continue;
      }
      guard(node, "text", outcomes);
      guard(node, "thinking", outcomes);
      for (JsonNode inner : node.path("thinking")) {
        if (inner instanceof ObjectNode innerNode) {
          guard(innerNode, "text", outcomes);
        }
      }
    }
  }

  /**
   * Redacts the JSON text in {@code function.arguments} so that it stays valid JSON. Arguments that
   * a provider sent as a JSON object or array, not as the usual string, keep that form.
   */
  private void guardArguments(ObjectNode function, List<GuardOutcome> outcomes) {
    JsonNode value = function.get("arguments");
    if (value != null && value.isContainerNode()) {
      guardContainer(function, "arguments", outcomes);
      return;
    }
    if (value == null || !value.isTextual()) {
      return;
    }
    String redacted = guardJson(value.asText(), outcomes);
    if (redacted != null) {
      function.put("arguments", redacted);
    }
  }

  /**
   * Redacts the string values of an Anthropic tool input object ({@code tool_use} and other blocks
   * with an {@code input}), so that it stays an object.
   */
  private void guardInput(ObjectNode block, List<GuardOutcome> outcomes) {
    if (block.get("input") instanceof ObjectNode) {
      guardContainer(block, "input", outcomes);
    }
  }

  /**
   * Redacts the string values of the JSON object or array in {@code parent.field}, so that it stays
   * an object or array.
   */
  private void guardContainer(ObjectNode parent, String field, List<GuardOutcome> outcomes) {
    String redacted = guardJson(parent.get(field).toString(), outcomes);
    if (redacted == null) {
      return;
    }
    try {
      parent.set(field, JSON.readTree(redacted));
    } catch (JsonProcessingException e) {
      // [BLOCKED], or the text of a guard without a redactor, is not JSON and replaces it whole.
      parent.put(field, redacted);
    }
  }

  /**
   * Returns {@code text}, JSON text, with what the guards found redacted so that it stays valid
   * JSON, or null when the guards passed it.
   */
  private String guardJson(String text, List<GuardOutcome> outcomes) {
    Guard redactor = pipeline.outputRedactor();
    // Without a redactor to hand the findings to, the guards check and rewrite the raw text.
    JsonEscapes decoded = redactor == null ? null : JsonEscapes.decode(text);
    GuardOutcome outcome =
        pipeline.check(decoded == null ? text : decoded.text(), Direction.OUTPUT);
    if (outcome.action() == GuardAction.PASS) {
      return null;
    }
    outcomes.add(outcome);
    if (outcome.action() == GuardAction.BLOCK) {
      return "[BLOCKED]";
    }
    if (redactor == null) {
      return outcome.text();
    }
    List<Finding> findings = JsonEscapes.rawFindings(outcome, decoded);
    return new JsonTextRedaction().redact(text, findings, redactor);
  }

  private void guard(ObjectNode parent, String field, List<GuardOutcome> outcomes) {
    JsonNode value = parent.get(field);
    if (value == null || !value.isTextual()) {
      return;
    }
    GuardOutcome outcome = pipeline.check(value.asText(), Direction.OUTPUT);
    if (outcome.action() == GuardAction.PASS) {
      return;
    }
    outcomes.add(outcome);
    String replacement = outcome.action() == GuardAction.BLOCK ? "[BLOCKED]" : outcome.text();
    parent.set(field, TextNode.valueOf(replacement));
  }
}
