package dev.lookout.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-user texts of a request, which the input guards check: the content of {@code user} and
 * {@code tool} messages (strings, the {@code text} of content parts, and Anthropic tool results)
 * and a completion's {@code prompt}, one string or several. System, developer and assistant
 * messages come from the application, not its users, so they are not checked.
 */
final class RequestTexts {
  private RequestTexts() {}

  /** A text inside a request body, with a way to replace it in place. */
  record Slot(String text, ObjectNode parent, String field, ArrayNode array, int index) {
    Slot(String text, ObjectNode parent, String field) {
      this(text, parent, field, null, -1);
    }

    void replace(String value) {
      if (array != null) {
        array.set(index, TextNode.valueOf(value));
      } else {
        parent.set(field, TextNode.valueOf(value));
      }
    }
  }

  /** A text that is an element of an array, such as one of several completion prompts. */
  private record ArraySlot(String text, ArrayNode array, int index) {
    Slot slot() {
      return new Slot(text, null, null, array, index);
    }
  }

  static List<Slot> find(JsonNode body) {
    List<Slot> slots = new ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      String role = message.path("role").asText("");
      if (!(role.equals("user") || role.equals("tool")) || !message.isObject()) {
        continue;
      }
      addContent(slots, (ObjectNode) message);
    }
    if (body.isObject() && body.path("prompt").isTextual()) {
      slots.add(new Slot(body.get("prompt").asText(), (ObjectNode) body, "prompt"));
    }
    JsonNode prompts = body.path("prompt");
    if (prompts.isArray()) {
      for (int i = 0; i < prompts.size(); i++) {
        if (prompts.get(i).isTextual()) {
          slots.add(new ArraySlot(prompts.get(i).asText(), (ArrayNode) prompts, i).slot());
        }
      }
    }
    return slots;
  }

  /**
   * Returns the texts of each user turn: the user messages that follow each other with no other
   * role between, each message's texts read as {@link #find} reads them.
   */
  static List<List<String>> userTurns(JsonNode body) {
    List<List<String>> turns = new ArrayList<>();
    List<Slot> turn = new ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      if (message.isObject() && message.path("role").asText("").equals("user")) {
        addContent(turn, (ObjectNode) message);
        continue;
      }
      addTurn(turns, turn);
      turn = new ArrayList<>();
    }
    addTurn(turns, turn);
    return turns;
  }

  private static void addTurn(List<List<String>> turns, List<Slot> turn) {
    if (turn.isEmpty()) {
      return;
    }
    List<String> texts = new ArrayList<>(turn.size());
    for (Slot slot : turn) {
      texts.add(slot.text());
    }
    turns.add(texts);
  }

  private static void addContent(List<Slot> slots, ObjectNode message) {
    JsonNode content = message.path("content");
    if (content.isTextual()) {
      slots.add(new Slot(content.asText(), message, "content"));
      return;
    }
    for (JsonNode part : content) {
      if (!part.isObject()) {
        continue;
      }
      if (part.path("text").isTextual()) {
        slots.add(new Slot(part.get("text").asText(), (ObjectNode) part, "text"));
      }
      // Anthropic's tool results carry their text as a string or as text blocks.
      if (part.path("type").asText("").equals("tool_result")) {
        addContent(slots, (ObjectNode) part);
      }
    }
  }
}
