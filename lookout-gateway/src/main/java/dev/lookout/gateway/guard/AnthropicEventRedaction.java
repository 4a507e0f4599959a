package dev.lookout.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.gateway.sse.SseEventText;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redacts the texts of Anthropic Messages stream events in place: the {@code text} of {@code
 * text_delta}, the {@code thinking} of {@code thinking_delta} and the {@code partial_json} of
 * {@code input_json_delta} events, each held per content block. A {@code content_block_start} may
 * carry the start of a text or thinking block, which is held as the block's first delta, or a tool
 * input object, which is redacted whole. Tool input is JSON text and stays valid JSON, as {@link
 * JsonTextRedaction} describes. What is held goes out as one more {@code content_block_delta} event
 * just before the block's {@code content_block_stop}, or before {@code message_stop} for a block
 * the provider left open. Held thinking goes out before the block's {@code signature_delta}
 * instead, since the provider sends the signature last. The texts of a citation that {@link
 * CitedSources} lists, which a {@code citations_delta} event carries whole, are redacted whole. So
 * are those of the citations of a text block's {@code content_block_start}, and those of the server
 * tool result (web search, web fetch, code execution) that a block's start carries whole.
 *
 * <p>The signature is passed on unchanged. It signs the thinking text the provider wrote, so a
 * thinking block whose text was redacted no longer matches it, and Anthropic rejects such a block
 * when the client sends it back in a later request. Not thread-safe: one per stream.
 */
final class AnthropicEventRedaction {
  /** The kinds of delta whose text is held, with the field that carries it. */
  private enum Delta {
    TEXT("text_delta", "text"),
    THINKING("thinking_delta", "thinking"),
    INPUT_JSON("input_json_delta", "partial_json");

    private final String type;
    private final String field;

    Delta(String type, String field) {
      this.type = type;
      this.field = field;
    }

    static Delta of(String type) {
      for (Delta delta : values()) {
        if (delta.type.equals(type)) {
          return delta;
        }
      }
      return null;
    }
  }

  /** One held text: of which content block, and which kind of delta. */
  private record Part(int block, Delta delta) {}

  private static final Comparator<Part> BLOCK_ORDER =
      Comparator.comparingInt(Part::block).thenComparing(Part::delta);

  private final TextRelease release;
  private final Map<Part, HeldText> held = new LinkedHashMap<>();

  AnthropicEventRedaction(TextRelease release) {
    this.release = release;
  }

  /** Returns {@code event}, the SSE text of {@code chunk}, with its texts redacted. */
  String rewrite(String event, SseEventText parsed, ObjectNode chunk) {
    int index = chunk.path("index").asInt(0);
    return switch (chunk.path("type").asText()) {
      case "content_block_start" -> rewriteStart(event, parsed, chunk, index);
      case "content_block_delta" -> rewriteDelta(event, parsed, chunk, index);
      case "content_block_stop" -> releaseBlock(index, null) + event;
      // A provider that skips content_block_stop still ends the message whole, so the blocks it
      // left open release their text here.
      case "message_stop" -> releaseOpenBlocks() + event;
      default -> event;
    };
  }

  private String rewriteDelta(String event, SseEventText parsed, ObjectNode chunk, int index) {
    if (!(chunk.get("delta") instanceof ObjectNode delta)) {
      return event;
    }
    String deltaType = delta.path("type").asText();
    if (deltaType.equals("signature_delta")) {
      return releaseBlock(index, Delta.THINKING) + event;
    }
    if (deltaType.equals("citations_delta")) {
      boolean cited = CitedSources.visitCitation(delta.get("citation"), this::guardWhole);
      return cited ? parsed.withData(chunk.toString()) : event;
    }
    Delta kind = Delta.of(deltaType);
    if (kind == null || !hold(delta, kind.field, new Part(index, kind))) {
      return event;
    }
    return parsed.withData(chunk.toString());
  }

  /**
   * Redacts what a {@code content_block_start} carries: a client keeps the block it opens and adds
   * the deltas to it, so its text or thinking is held as the block's first delta.
   */
  private String rewriteStart(String event, SseEventText parsed, ObjectNode chunk, int index) {
    if (!(chunk.get("content_block") instanceof ObjectNode block)) {
      return event;
    }
    boolean changed = CitedSources.visitBlock(block, this::guardWhole);
    changed |=
        switch (block.path("type").asText()) {
          case "text" -> hold(block, "text", new Part(index, Delta.TEXT));
          case "thinking" -> hold(block, "thinking", new Part(index, Delta.THINKING));
          default -> false;
        };
    if (block.get("input") instanceof ObjectNode input && !input.isEmpty()) {
      block.set("input", release.releaseWholeJson(input));
      changed = true;
    }
    return changed ? parsed.withData(chunk.toString()) : event;
  }

  /** Redacts the text in {@code parent.field} whole, since no later event continues it. */
  private void guardWhole(ObjectNode parent, String field) {
    parent.put(field, release.releaseWhole(parent.path(field).asText()));
  }

  /**
   * Holds the text in {@code parent.field}, if any, puts what can go out in its place and returns
   * whether there was one.
   */
  private boolean hold(ObjectNode parent, String field, Part part) {
    JsonNode value = parent.get(field);
    if (value == null || !value.isTextual()) {
      return false;
    }
    HeldText text =
        held.computeIfAbsent(
            part,
            key -> part.delta() == Delta.INPUT_JSON ? HeldText.forJson() : HeldText.forProse());
    text.append(value.asText());
    parent.put(field, release.release(text, false));
    return true;
  }

  /** Drops all text still held, because the stream ended before releasing it. */
  void drop() {
    held.clear();
  }

  /**
   * Returns events that carry all text held for block {@code index}, of kind {@code only} or of
   * every kind when it is null.
   */
  private String releaseBlock(int index, Delta only) {
    StringBuilder out = new StringBuilder();
    Iterator<Map.Entry<Part, HeldText>> parts = held.entrySet().iterator();
    while (parts.hasNext()) {
      Map.Entry<Part, HeldText> entry = parts.next();
      Part part = entry.getKey();
      if (part.block() == index && (only == null || part.delta() == only)) {
        parts.remove();
        out.append(releasePart(part, entry.getValue()));
      }
    }
    return out.toString();
  }

  /** Returns events that carry all text still held, in block order. */
  private String releaseOpenBlocks() {
    List<Part> open = held.keySet().stream().sorted(BLOCK_ORDER).toList();
    StringBuilder out = new StringBuilder();
    for (Part part : open) {
      out.append(releasePart(part, held.remove(part)));
    }
    return out.toString();
  }

  private String releasePart(Part part, HeldText text) {
    if (text.isEmpty()) {
      return "";
    }
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", "content_block_delta").put("index", part.block());
    event
        .putObject("delta")
        .put("type", part.delta().type)
        .put(part.delta().field, release.release(text, true));
    return "event: content_block_delta\ndata: " + event + "\n\n";
  }
}
