package dev.lookout.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Runs the output guards over a complete, non-streamed response: chat message contents, refusals
 * and reasoning ({@code reasoning_content}, {@code reasoning}), the arguments of tool and function
 * calls, text completions, and Anthropic text and thinking blocks. Output guards only redact. A
 * block on output is treated as a redaction of the whole text, because the client has already paid
 * for the call. Arguments are JSON text and stay valid JSON; see {@link JsonTextRedaction}.
 *
 * <p>A thinking block's {@code signature} is kept as it is. It signs the thinking text the provider
 * wrote, so a block whose text was redacted no longer matches it, and Anthropic rejects such a
 * block when the client sends it back in a later request.
 */
public final class OutputGuarding {
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
        guard(message, "refusal", outcomes);
        guard(message, "reasoning_content", outcomes);
        guard(message, "reasoning", outcomes);
        if (message.get("function_call") instanceof ObjectNode call) {
          guardArguments(call, outcomes);
        }
        for (JsonNode call : message.path("tool_calls")) {
          if (call.get("function") instanceof ObjectNode function) {
            guardArguments(function, outcomes);
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
      }
    }
    // OpenAI and Anthropic error bodies both carry the text in error.message.
    if (body.get("error") instanceof ObjectNode error) {
      guard(error, "message", outcomes);
    }
    return outcomes;
  }

  /** Redacts the JSON text in {@code function.arguments} so that it stays valid JSON. */
  private void guardArguments(ObjectNode function, List<GuardOutcome> outcomes) {
    Guard redactor = pipeline.outputRedactor();
    JsonNode value = function.get("arguments");
    if (redactor == null || value == null || !value.isTextual()) {
      guard(function, "arguments", outcomes);
      return;
    }
    String text = value.asText();
    JsonEscapes decoded = JsonEscapes.decode(text);
    GuardOutcome outcome =
        pipeline.check(decoded == null ? text : decoded.text(), Direction.OUTPUT);
    if (outcome.action() == GuardAction.PASS) {
      return;
    }
    outcomes.add(outcome);
    if (outcome.action() == GuardAction.BLOCK) {
      function.put("arguments", "[BLOCKED]");
      return;
    }
    List<Finding> findings = JsonEscapes.rawFindings(outcome, decoded);
    function.put("arguments", new JsonTextRedaction().redact(text, findings, redactor));
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
