package dev.lookout.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-user texts of a request, which the input guards check: the content of {@code user} and
 * {@code tool} messages (strings, or the {@code text} of content parts) and a completion's {@code
 * prompt}. System and assistant messages come from the application, not its users, so they are not
 * checked.
 */
final class RequestTexts {
  private RequestTexts() {}

  /** A text inside a request body, with a way to replace it in place. */
  record Slot(String text, ObjectNode parent, String field) {
    void replace(String value) {
      parent.set(field, TextNode.valueOf(value));
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
    return slots;
  }

  private static void addContent(List<Slot> slots, ObjectNode message) {
    JsonNode content = message.path("content");
    if (content.isTextual()) {
      slots.add(new Slot(content.asText(), message, "content"));
      return;
    }
    for (JsonNode part : content) {
      if (part.isObject() && part.path("text").isTextual()) {
        slots.add(new Slot(part.get("text").asText(), (ObjectNode) part, "text"));
      }
    }
  }
}
