package dev.lookout.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.Guard;
import dev.lookout.core.guard.GuardAction;
import dev.lookout.core.guard.GuardOutcome;
import dev.lookout.core.guard.GuardPipeline;
import dev.lookout.core.guard.GuardVerdict;
import dev.lookout.gateway.sse.SseBoundaries;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Redacts the text of a streamed response as it passes, keeping the provider's chunk structure:
 * each chunk goes out with its text replaced by the part that is safe to release. The text is
 * {@code delta.content} of OpenAI chat chunks, {@code text} of OpenAI completion chunks, and {@code
 * delta.text} of Anthropic {@code content_block_delta} events. The last {@link
 * GuardPipeline#outputHoldbackChars()} characters of each choice or content block are held back,
 * and never a value the guard has started to match, so a value split across chunks is still found
 * whole. Held text goes out with the choice's finish chunk, or for Anthropic as one more {@code
 * content_block_delta} event just before the block's {@code content_block_stop}.
 *
 * <p>Events of other shapes (comments, {@code [DONE]}, {@code message_delta}) pass unchanged.
 */
public final class StreamRedactor {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GuardPipeline pipeline;
  private final int holdback;
  private final Guard redactor;

  /**
   * Maximum length of a run of non-space characters held back whole while it may still be a value.
   */
  private static final int MAX_HELD_CHARS = 8192;

  private final Map<Integer, StringBuilder> pending = new HashMap<>();
  private boolean anthropic;
  private final List<GuardOutcome> outcomes = new ArrayList<>();
  private Buffer partial = Buffer.buffer();

  public StreamRedactor(GuardPipeline pipeline) {
    this.pipeline = pipeline;
    this.holdback = pipeline.outputHoldbackChars();
    this.redactor = pipeline.outputRedactor();
  }

  /** Returns the outcomes of every release in which a guard acted. */
  public List<GuardOutcome> outcomes() {
    return outcomes;
  }

  /** Returns what of {@code chunk} can go to the client now. */
  public Buffer apply(Buffer chunk) {
    partial.appendBuffer(chunk);
    // Found in bytes, so a multi-byte character split across chunks stays whole in the rest.
    int end = SseBoundaries.lastEventEnd(partial);
    if (end < 0) {
      return Buffer.buffer();
    }
    String events = partial.getString(0, end, StandardCharsets.UTF_8.name());
    partial = partial.getBuffer(end, partial.length());
    return Buffer.buffer(rewrite(events));
  }

  /** Returns what is left at the end of the stream, with any held text released. */
  public Buffer finish() {
    String rest = partial.toString(StandardCharsets.UTF_8);
    partial = Buffer.buffer();
    StringBuilder out = new StringBuilder(rewrite(rest));
    for (Map.Entry<Integer, StringBuilder> held : pending.entrySet()) {
      if (held.getValue().length() > 0) {
        // NOTE: only a stream cut before its finish chunk gets here; the text goes out as a
        // last chunk of its own.
        String text = release(held.getValue(), true);
        out.append(
            anthropic ? anthropicDelta(held.getKey(), text) : chatDelta(held.getKey(), text));
      }
    }
    pending.clear();
    return Buffer.buffer(out.toString());
  }

  private String rewrite(String events) {
    StringBuilder out = new StringBuilder(events.length());
    int start = 0;
    while (start < events.length()) {
      int end = SseBoundaries.eventEnd(events, start);
      out.append(rewriteEvent(events.substring(start, end)));
      start = end;
    }
    return out.toString();
  }

  private String rewriteEvent(String event) {
    int dataAt = dataLineStart(event, 0);
    // An event with several data lines is not a chat chunk as providers send them.
    if (dataAt < 0 || dataLineStart(event, dataAt + 5) >= 0) {
      return event;
    }
    int lineEnd = event.indexOf('\n', dataAt);
    String payload = event.substring(dataAt + 5, lineEnd < 0 ? event.length() : lineEnd).trim();
    if (!payload.startsWith("{")) {
      return event;
    }
    JsonNode chunk;
    try {
      chunk = JSON.readTree(payload);
    } catch (IOException e) {
      return event;
    }
    String prefix = event.substring(0, dataAt);
    String separator = event.substring(lineEnd < 0 ? event.length() : lineEnd);
    if (chunk.path("type").isTextual()) {
      return rewriteAnthropic(event, prefix, chunk, separator);
    }
    if (!chunk.path("choices").isArray() || chunk.path("choices").isEmpty()) {
      return event;
    }
    boolean changed = false;
    for (JsonNode choice : chunk.path("choices")) {
      changed |= rewriteChoice(choice);
    }
    if (!changed) {
      return event;
    }
    return prefix + "data: " + chunk + separator;
  }

  /** Rewrites one Anthropic Messages stream event; see the class comment. */
  private String rewriteAnthropic(String event, String prefix, JsonNode chunk, String separator) {
    anthropic = true;
    String type = chunk.path("type").asText();
    int index = chunk.path("index").asInt(0);
    if (type.equals("content_block_delta") && chunk.path("delta").path("text").isTextual()) {
      StringBuilder held = pending.computeIfAbsent(index, key -> new StringBuilder());
      held.append(chunk.path("delta").path("text").asText());
      ((ObjectNode) chunk.path("delta")).put("text", release(held, false));
      return prefix + "data: " + chunk + separator;
    }
    if (type.equals("content_block_stop")) {
      StringBuilder held = pending.remove(index);
      if (held != null && held.length() > 0) {
        return anthropicDelta(index, release(held, true)) + event;
      }
    }
    return event;
  }

  private static String chatDelta(int index, String text) {
    return "data: {\"choices\":[{\"index\":"
        + index
        + ",\"delta\":{\"content\":"
        + TextNode.valueOf(text)
        + "}}]}\n\n";
  }

  private static String anthropicDelta(int index, String text) {
    return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":"
        + index
        + ",\"delta\":{\"type\":\"text_delta\",\"text\":"
        + TextNode.valueOf(text)
        + "}}\n\n";
  }

  private boolean rewriteChoice(JsonNode choice) {
    // A completion chunk carries its text in the choice itself, a chat chunk in its delta.
    JsonNode delta = choice.path("text").isTextual() ? choice : choice.path("delta");
    String field = delta == choice ? "text" : "content";
    if (!delta.isObject()) {
      return false;
    }
    int index = choice.path("index").asInt(0);
    StringBuilder held = pending.computeIfAbsent(index, key -> new StringBuilder());
    boolean finishing =
        !choice.path("finish_reason").isMissingNode() && !choice.path("finish_reason").isNull();
    JsonNode content = delta.get(field);
    if (content == null || !content.isTextual()) {
      if (!finishing || held.length() == 0) {
        return false;
      }
      ((ObjectNode) delta).put(field, release(held, true));
      return true;
    }
    held.append(content.asText());
    ((ObjectNode) delta).put(field, release(held, finishing));
    return true;
  }

  /**
   * Takes the part of {@code held} that is safe to send out of it and returns it guarded. The
   * guards see the whole held text, so a value is judged with its context and never cut. The
   * released part is then redacted with the findings that lie wholly inside it.
   */
  private String release(StringBuilder held, boolean all) {
    String text = held.toString();
    if (text.isEmpty()) {
      return text;
    }
    GuardOutcome outcome = pipeline.check(text, Direction.OUTPUT);
    if (outcome.action() == GuardAction.BLOCK) {
      outcomes.add(outcome);
      held.setLength(0);
      return "[BLOCKED]";
    }
    List<Finding> findings = new ArrayList<>();
    outcome.verdicts().forEach(verdict -> findings.addAll(verdict.findings()));
    int cut = all ? text.length() : safeCut(text, findings);
    if (cut == 0) {
      return "";
    }
    String released = text.substring(0, cut);
    held.delete(0, cut);
    List<Finding> inside = new ArrayList<>();
    for (Finding finding : findings) {
      if (finding.end() <= cut) {
        inside.add(finding);
      }
    }
    if (inside.isEmpty()) {
      return released;
    }
    if (redactor == null) {
      return pipeline.check(released, Direction.OUTPUT).text();
    }
    outcomes.add(
        new GuardOutcome(
            GuardAction.REDACT,
            released,
            List.of(
                new GuardVerdict(
                    redactor.name(), GuardAction.REDACT, outcome.reasons(), released, inside))));
    return redactor.redact(released, inside);
  }

  /**
   * Returns how much of {@code text} can go out: all but the holdback, never inside a finding, and
   * never inside a run of non-space characters that may still grow into a value (a long token such
   * as a JWT), unless that run is longer than {@link #MAX_HELD_CHARS}.
   */
  private int safeCut(String text, List<Finding> findings) {
    int cut = Math.max(0, text.length() - holdback);
    for (Finding finding : findings) {
      if (finding.start() < cut && cut < finding.end()) {
        cut = finding.start();
      }
    }
    int wordStart = cut;
    while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    if (wordStart < cut && text.length() - wordStart <= MAX_HELD_CHARS) {
      cut = wordStart;
    }
    return cut;
  }

  /** Returns the index of the next line starting with {@code data:}, from {@code from} on. */
  private static int dataLineStart(String event, int from) {
    int at = event.indexOf("data:", from);
    while (at >= 0) {
      if (at == 0 || event.charAt(at - 1) == '\n' || event.charAt(at - 1) == '\r') {
        return at;
      }
      at = event.indexOf("data:", at + 5);
    }
    return -1;
  }
}
