package dev.lookout.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Redacts the texts of OpenAI chat and text completion chunks in place. Each choice's {@code
 * delta.content} (or {@code text}), {@code delta.refusal}, the reasoning in {@code
 * delta.reasoning_content} (DeepSeek, vLLM) and {@code delta.reasoning} (OpenRouter, Groq), the
 * transcript of audio output in {@code delta.audio.transcript}, {@code
 * delta.function_call.arguments} and the {@code function.arguments} of each entry of {@code
 * delta.tool_calls}, by its {@code index}, is held on its own. So are the {@code text} and the
 * {@code summary} of each entry of OpenRouter's {@code delta.reasoning_details}, by its {@code
 * index} or else its position. The {@code data} of a {@code reasoning.encrypted} entry is opaque
 * and passes unchanged. A {@code delta.content} may come as an array of parts, as Mistral sends it.
 * The {@code text} of its text parts is held together with content that comes as a string, so a
 * value split between the two forms is found whole. The text of its {@code thinking} parts is held
 * as another text. What is held goes out with the choice's finish chunk, or when a stream has none,
 * in chunks of its own just before a usage-only chunk or {@code [DONE]}. Held content goes out in
 * the form of the choice's last content, a string or text parts. Not thread-safe: one per stream.
 */
final class ChatChunkRedaction {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The fields of a chunk copied into a chunk that carries held text before {@code [DONE]}. */
  private static final String[] CHUNK_FIELDS = {
    "id", "object", "created", "model", "system_fingerprint"
  };

  /** The texts of a choice that are held each on their own. */
  private enum Kind {
    TEXT,
    CONTENT,
    CONTENT_PART_THINKING,
    REFUSAL,
    REASONING_CONTENT,
    REASONING,
    AUDIO_TRANSCRIPT,
    FUNCTION_ARGUMENTS,
    TOOL_ARGUMENTS,
    DETAIL_TEXT,
    DETAIL_SUMMARY
  }

  /**
   * One held text: of which choice, which kind, and for tool calls and reasoning details, which
   * entry.
   */
  private record Part(int choice, Kind kind, int entry) {}

  private final TextRelease release;
  private final Map<Part, HeldText> held = new LinkedHashMap<>();

  /** The choices whose last {@code delta.content} came as an array of parts. */
  private final Set<Integer> contentAsParts = new HashSet<>();

  private JsonNode lastChunk;

  ChatChunkRedaction(TextRelease release) {
    this.release = release;
  }

  /** Replaces the texts of {@code chunk} by what can go out now and returns whether any changed. */
  boolean rewrite(ObjectNode chunk) {
    boolean changed = false;
    for (JsonNode choice : chunk.path("choices")) {
      if (choice instanceof ObjectNode node) {
        changed |= rewriteChoice(node);
      }
    }
    lastChunk = chunk;
    return changed;
  }

  /**
   * Returns chunks that carry all text still held, one per choice, to send just before a usage-only
   * chunk or {@code [DONE]}. Returns an empty string when nothing is held.
   */
  String releaseAll() {
    Map<Integer, ObjectNode> choices = new TreeMap<>();
    for (Map.Entry<Part, HeldText> entry : held.entrySet()) {
      String text = release.release(entry.getValue(), true);
      if (!text.isEmpty()) {
        Part part = entry.getKey();
        ObjectNode choice =
            choices.computeIfAbsent(
                part.choice(), index -> JSON.createObjectNode().put("index", index));
        place(choice, part, text);
      }
    }
    held.clear();
    StringBuilder out = new StringBuilder();
    for (ObjectNode choice : choices.values()) {
      ObjectNode chunk = JSON.createObjectNode();
      for (String field : CHUNK_FIELDS) {
        if (lastChunk != null && lastChunk.hasNonNull(field)) {
          chunk.set(field, lastChunk.get(field));
        }
      }
      choice.putNull("finish_reason");
      chunk.putArray("choices").add(choice);
      out.append("data: ").append(chunk).append("\n\n");
    }
    return out.toString();
  }

  /** Drops all text still held, because the stream ended before releasing it. */
  void drop() {
    held.clear();
  }

  private boolean rewriteChoice(ObjectNode choice) {
    int index = choice.path("index").asInt(0);
    JsonNode reason = choice.get("finish_reason");
    boolean finishing = reason != null && !reason.isNull();
    boolean changed = take(choice, "text", new Part(index, Kind.TEXT, 0), finishing);
    if (choice.get("delta") instanceof ObjectNode delta) {
      noteContentForm(delta, index);
      changed |= take(delta, "content", new Part(index, Kind.CONTENT, 0), finishing);
      changed |= takeContentParts(delta, index, finishing);
      changed |= take(delta, "refusal", new Part(index, Kind.REFUSAL, 0), finishing);
      changed |=
          take(delta, "reasoning_content", new Part(index, Kind.REASONING_CONTENT, 0), finishing);
      changed |= take(delta, "reasoning", new Part(index, Kind.REASONING, 0), finishing);
      if (delta.get("audio") instanceof ObjectNode audio) {
        changed |= take(audio, "transcript", new Part(index, Kind.AUDIO_TRANSCRIPT, 0), finishing);
      }
      if (delta.get("function_call") instanceof ObjectNode call) {
        changed |= take(call, "arguments", new Part(index, Kind.FUNCTION_ARGUMENTS, 0), finishing);
      }
      int position = 0;
      for (JsonNode call : delta.path("tool_calls")) {
        int tool = call.path("index").asInt(position++);
        if (call.get("function") instanceof ObjectNode function) {
          changed |=
              take(function, "arguments", new Part(index, Kind.TOOL_ARGUMENTS, tool), finishing);
        }
      }
      changed |= takeReasoningDetails(delta, index, finishing);
    }
    if (finishing) {
      changed |= releaseRest(choice, index);
    }
    return changed;
  }

  private void noteContentForm(ObjectNode delta, int index) {
    JsonNode content = delta.get("content");
    if (content instanceof ArrayNode) {
      contentAsParts.add(index);
    } else if (content != null && content.isTextual()) {
      contentAsParts.remove(index);
    }
  }

  private boolean takeContentParts(ObjectNode delta, int index, boolean finishing) {
    Part text = new Part(index, Kind.CONTENT, 0);
    Part thinking = new Part(index, Kind.CONTENT_PART_THINKING, 0);
    boolean changed = false;
    for (JsonNode part : delta.path("content")) {
      if (!(part instanceof ObjectNode node)) {
        continue;
      }
      changed |= take(node, "text", text, finishing);
      changed |= take(node, "thinking", thinking, finishing);
      // Mistral's thinking part contains text parts of its own.
      for (JsonNode inner : node.path("thinking")) {
        if (inner instanceof ObjectNode innerNode) {
          changed |= take(innerNode, "text", thinking, finishing);
        }
      }
    }
    return changed;
  }

  private boolean takeReasoningDetails(ObjectNode delta, int index, boolean finishing) {
    boolean changed = false;
    int position = 0;
    for (JsonNode detail : delta.path("reasoning_details")) {
      int entry = detail.path("index").asInt(position++);
      if (detail instanceof ObjectNode node) {
        changed |= take(node, "text", new Part(index, Kind.DETAIL_TEXT, entry), finishing);
        changed |= take(node, "summary", new Part(index, Kind.DETAIL_SUMMARY, entry), finishing);
      }
    }
    return changed;
  }

  /**
   * Holds the text in {@code parent.field}, if any, and puts what can go out in its place.
   * Arguments sent as a JSON object or array, not as the usual string, come whole in one chunk, so
   * they are redacted whole and keep their form.
   */
  private boolean take(ObjectNode parent, String field, Part part, boolean finishing) {
    JsonNode value = parent.get(field);
    boolean json = part.kind() == Kind.FUNCTION_ARGUMENTS || part.kind() == Kind.TOOL_ARGUMENTS;
    if (json && value != null && value.isContainerNode()) {
      parent.set(field, release.releaseWholeJson(value));
      return true;
    }
    if (value == null || !value.isTextual()) {
      return false;
    }
    HeldText text =
        held.computeIfAbsent(part, key -> json ? HeldText.forJson() : HeldText.forProse());
    text.append(value.asText());
    parent.put(field, release.release(text, finishing));
    if (finishing) {
      held.remove(part);
    }
    return true;
  }

  /** Puts every text of choice {@code index} still held into its finish chunk. */
  private boolean releaseRest(ObjectNode choice, int index) {
    boolean changed = false;
    Iterator<Map.Entry<Part, HeldText>> parts = held.entrySet().iterator();
    while (parts.hasNext()) {
      Map.Entry<Part, HeldText> entry = parts.next();
      if (entry.getKey().choice() != index) {
        continue;
      }
      parts.remove();
      String text = release.release(entry.getValue(), true);
      if (!text.isEmpty()) {
        place(choice, entry.getKey(), text);
        changed = true;
      }
    }
    return changed;
  }

  /** Writes {@code text} into {@code choice} where a chunk carries a text of its kind. */
  private void place(ObjectNode choice, Part part, String text) {
    if (part.kind() == Kind.TEXT) {
      choice.put("text", text);
      return;
    }
    ObjectNode delta = object(choice, "delta");
    switch (part.kind()) {
      case CONTENT -> {
        if (delta.get("content") instanceof ArrayNode || contentAsParts.contains(part.choice())) {
          contentParts(delta).addObject().put("type", "text").put("text", text);
        } else {
          delta.put("content", text);
        }
      }
      case CONTENT_PART_THINKING ->
          contentParts(delta)
              .addObject()
              .put("type", "thinking")
              .putArray("thinking")
              .addObject()
              .put("type", "text")
              .put("text", text);
      case REFUSAL -> delta.put("refusal", text);
      case REASONING_CONTENT -> delta.put("reasoning_content", text);
      case REASONING -> delta.put("reasoning", text);
      case AUDIO_TRANSCRIPT -> object(delta, "audio").put("transcript", text);
      case FUNCTION_ARGUMENTS -> object(delta, "function_call").put("arguments", text);
      case TOOL_ARGUMENTS ->
          array(delta, "tool_calls")
              .addObject()
              .put("index", part.entry())
              .putObject("function")
              .put("arguments", text);
      case DETAIL_TEXT ->
          array(delta, "reasoning_details")
              .addObject()
              .put("type", "reasoning.text")
              .put("index", part.entry())
              .put("text", text);
      case DETAIL_SUMMARY ->
          array(delta, "reasoning_details")
              .addObject()
              .put("type", "reasoning.summary")
              .put("index", part.entry())
              .put("summary", text);
      case TEXT -> {
        // Placed in the choice above, since a completion chunk has no delta.
      }
    }
  }

  private static ObjectNode object(ObjectNode parent, String field) {
    return parent.get(field) instanceof ObjectNode found ? found : parent.putObject(field);
  }

  /**
   * Returns the parts array of {@code delta.content}, made from the content string as a text part
   * where the delta carries one.
   */
  private static ArrayNode contentParts(ObjectNode delta) {
    JsonNode content = delta.get("content");
    if (content instanceof ArrayNode parts) {
      return parts;
    }
    ArrayNode parts = delta.putArray("content");
    if (content != null && content.isTextual()) {
      parts.addObject().put("type", "text").put("text", content.asText());
    }
    return parts;
  }

  private static ArrayNode array(ObjectNode parent, String field) {
    return parent.get(field) instanceof ArrayNode found ? found : parent.putArray(field);
  }
}
