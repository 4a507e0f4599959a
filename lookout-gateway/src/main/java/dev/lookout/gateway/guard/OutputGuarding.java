package dev.lookout.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.GuardAction;
import dev.lookout.core.guard.GuardOutcome;
import dev.lookout.core.guard.GuardPipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the output guards over a complete, non-streamed response: chat message contents, text
 * completions and Anthropic text blocks. Output guards only redact; a block on output is treated as
 * a redaction of the whole text, because the client has already paid for the call.
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
      JsonNode message = choice.path("message");
      if (message.isObject()) {
        guard((ObjectNode) message, "content", outcomes);
      }
      if (choice.isObject()) {
        guard((ObjectNode) choice, "text", outcomes);
      }
    }
    for (JsonNode block : body.path("content")) {
      if (block.isObject()) {
        guard((ObjectNode) block, "text", outcomes);
      }
    }
    return outcomes;
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
