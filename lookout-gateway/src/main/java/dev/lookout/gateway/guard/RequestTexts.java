package dev.lookout.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The end-user texts of a request, which the input guards check: the content of every message whose
 * role is not one the application owns (strings, the {@code text} of content parts, Anthropic tool
 * results, documents and search results), a completion's {@code prompt} (one string or several) and
 * {@code suffix}, and the {@code content} of a chat request's {@code prediction}.
 */
final class RequestTexts {
  /**
   * Roles of the messages the application writes, not its users, matched exactly. Every other role,
   * an unknown or misspelt one included ("User", "user "), is checked, because a provider may still
   * show such a message to the model.
   */
  private static final Set<String> APPLICATION_ROLES = Set.of("system", "developer", "assistant");

  /** Roles of tool output, checked on their own rather than as part of a user turn. */
  private static final Set<String> TOOL_ROLES = Set.of("tool", "function");

  private RequestTexts() {}

  /**
   * A text inside a request body, with a way to replace it in place.
   *
   * @param run for the {@code text} of a content part, the same number as the parts next to it in
   *     one content array that have a {@code text} too, since a model reads them as one text; -1
   *     for every other text
   */
  record Slot(String text, ObjectNode parent, String field, ArrayNode array, int index, int run) {
    Slot(String text, ObjectNode parent, String field) {
      this(text, parent, field, null, -1, -1);
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
      return new Slot(text, null, null, array, index, -1);
    }
  }

  /**
   * The texts of one user turn, one list per message in request order, each message's texts in the
   * order {@link #find} reads them.
   */
  record UserTurn(List<List<String>> messages) {
    /** Returns the texts of every message of the turn in order. */
    List<String> texts() {
      List<String> texts = new ArrayList<>();
      for (List<String> message : messages) {
        texts.addAll(message);
      }
      return texts;
    }

    /**
     * Returns whether two texts of one message meet between letters or digits, as the halves of a
     * word split in two do ("Ign" and "ore"). Empty texts are skipped.
     */
    boolean hasSplitWord() {
      for (List<String> message : messages) {
        String previous = "";
        for (String text : message) {
          if (text.isEmpty()) {
            continue;
          }
          int last = previous.isEmpty() ? -1 : previous.codePointBefore(previous.length());
          if (last >= 0
              && Character.isLetterOrDigit(last)
              && Character.isLetterOrDigit(text.codePointAt(0))) {
            return true;
          }
          previous = text;
        }
      }
      return false;
    }
  }

  static List<Slot> find(JsonNode body) {
    List<Slot> slots = new ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      if (message.isObject() && !isApplicationMessage(message)) {
        addContent(slots, (ObjectNode) message, "content");
      }
    }
    if (!body.isObject()) {
      return slots;
    }
    ObjectNode request = (ObjectNode) body;
    addText(slots, request, "prompt");
    JsonNode prompts = body.path("prompt");
    if (prompts.isArray()) {
      for (int i = 0; i < prompts.size(); i++) {
        if (prompts.get(i).isTextual()) {
          slots.add(new ArraySlot(prompts.get(i).asText(), (ArrayNode) prompts, i).slot());
        }
      }
    }
    addText(slots, request, "suffix");
    // A predicted output is sent to the model as text it may copy into the response.
    if (body.path("prediction").isObject()) {
      addContent(slots, (ObjectNode) body.get("prediction"), "content");
    }
    return slots;
  }

  /**
   * Returns the texts of each user turn: the messages that follow each other with no other role
   * between, each message's texts read as {@link #find} reads them. A message belongs to a user
   * turn when {@link #find} checks it and its role is not a tool role, so a misspelt "User" joins
   * the turn of the "user" messages next to it.
   */
  static List<UserTurn> userTurns(JsonNode body) {
    List<UserTurn> turns = new ArrayList<>();
    List<List<String>> turn = new ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      if (message.isObject() && isUserMessage(message)) {
        List<Slot> slots = new ArrayList<>();
        addContent(slots, (ObjectNode) message, "content");
        List<String> texts = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
          texts.add(slot.text());
        }
        if (!texts.isEmpty()) {
          turn.add(texts);
        }
        continue;
      }
      addTurn(turns, turn);
      turn = new ArrayList<>();
    }
    addTurn(turns, turn);
    return turns;
  }

  private static boolean isApplicationMessage(JsonNode message) {
    JsonNode role = message.path("role");
    return role.isTextual() && APPLICATION_ROLES.contains(role.textValue());
  }

  private static boolean isUserMessage(JsonNode message) {
    JsonNode role = message.path("role");
    return !isApplicationMessage(message)
        && !(role.isTextual() && TOOL_ROLES.contains(role.textValue()));
  }

  private static void addTurn(List<UserTurn> turns, List<List<String>> turn) {
    if (!turn.isEmpty()) {
      turns.add(new UserTurn(turn));
    }
  }

  /** Adds the texts of {@code field} of {@code node}: a string, or an array of content blocks. */
  private static void addContent(List<Slot> slots, ObjectNode node, String field) {
    JsonNode content = node.path(field);
    if (content.isTextual()) {
      slots.add(new Slot(content.asText(), node, field));
      return;
    }
    // A run is numbered by the position of its first slot, which no other run shares. A part
    // without a text, such as an image, ends the run.
    int run = -1;
    for (JsonNode block : content) {
      boolean hasText = block.path("text").isTextual();
      if (!hasText) {
        run = -1;
      } else if (run < 0) {
        run = slots.size();
      }
      if (block.isObject()) {
        addBlock(slots, (ObjectNode) block, run);
      }
    }
  }

  /**
   * Adds the texts of one content block: its {@code text}, in part run {@code run}, and the text
   * that Anthropic's tool results, documents and search results carry, which may nest inside a tool
   * result.
   */
  private static void addBlock(List<Slot> slots, ObjectNode block, int run) {
    if (block.path("text").isTextual()) {
      slots.add(new Slot(block.get("text").asText(), block, "text", null, -1, run));
    }
    switch (block.path("type").asText("")) {
      case "tool_result" -> addContent(slots, block, "content");
      case "document" -> addDocument(slots, block);
      case "search_result" -> {
        addText(slots, block, "title");
        addContent(slots, block, "content");
      }
      default -> {}
    }
  }

  private static void addDocument(List<Slot> slots, ObjectNode document) {
    addText(slots, document, "title");
    addText(slots, document, "context");
    JsonNode source = document.path("source");
    if (!source.isObject()) {
      return;
    }
    // Sources of other types (base64 PDF, url, file) hold no text the gateway can read.
    switch (source.path("type").asText("")) {
      case "text" -> addText(slots, (ObjectNode) source, "data");
      case "content" -> addContent(slots, (ObjectNode) source, "content");
      default -> {}
    }
  }

  private static void addText(List<Slot> slots, ObjectNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isTextual()) {
      slots.add(new Slot(value.asText(), node, field));
    }
  }
}
