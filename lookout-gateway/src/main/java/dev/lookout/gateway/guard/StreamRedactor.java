package dev.lookout.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.GuardAction;
import dev.lookout.core.guard.GuardOutcome;
import dev.lookout.core.guard.GuardPipeline;
import dev.lookout.core.guard.GuardVerdict;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Redacts the content of an OpenAI-style chat stream as it passes, keeping the provider's chunk
 * structure: each chunk goes out with its {@code delta.content} replaced by the part of the text
 * that is safe to release. The last {@link GuardPipeline#outputHoldbackChars()} characters of each
 * choice are held back, and never a value the guard has started to match, so a value split across
 * chunks is still found whole. Held text goes out with the choice's finish chunk.
 *
 * <p>Events that are not chat chunks (comments, {@code [DONE]}, other shapes) pass unchanged.
 */
public final class StreamRedactor {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GuardPipeline pipeline;
  private final int holdback;
  private final Map<Integer, StringBuilder> pending = new HashMap<>();
  private final List<GuardOutcome> outcomes = new ArrayList<>();
  private Buffer partial = Buffer.buffer();

  public StreamRedactor(GuardPipeline pipeline) {
    this.pipeline = pipeline;
    this.holdback = pipeline.outputHoldbackChars();
  }

  /** Returns the outcomes of every release in which a guard acted. */
  public List<GuardOutcome> outcomes() {
    return outcomes;
  }

  /** Returns what of {@code chunk} can go to the client now. */
  public Buffer apply(Buffer chunk) {
    partial.appendBuffer(chunk);
    // Found in bytes, so a multi-byte character split across chunks stays whole in the rest.
    int end = lastEventEnd(partial);
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
        out.append("data: {\"choices\":[{\"index\":")
            .append(held.getKey())
            .append(",\"delta\":{\"content\":")
            .append(TextNode.valueOf(release(held.getValue(), held.getValue().length())))
            .append("}}]}\n\n");
      }
    }
    pending.clear();
    return Buffer.buffer(out.toString());
  }

  private String rewrite(String events) {
    StringBuilder out = new StringBuilder(events.length());
    int start = 0;
    while (start < events.length()) {
      int end = eventEnd(events, start);
      out.append(rewriteEvent(events.substring(start, end)));
      start = end;
    }
    return out.toString();
  }

  private String rewriteEvent(String event) {
    int dataAt = event.indexOf("data:");
    if (dataAt < 0 || event.indexOf("data:", dataAt + 5) >= 0) {
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
    String separator = event.substring(lineEnd < 0 ? event.length() : lineEnd);
    return event.substring(0, dataAt) + "data: " + chunk + separator;
  }

  private boolean rewriteChoice(JsonNode choice) {
    JsonNode delta = choice.path("delta");
    if (!delta.isObject()) {
      return false;
    }
    int index = choice.path("index").asInt(0);
    StringBuilder held = pending.computeIfAbsent(index, key -> new StringBuilder());
    boolean finishing =
        !choice.path("finish_reason").isMissingNode() && !choice.path("finish_reason").isNull();
    JsonNode content = delta.get("content");
    if (content == null || !content.isTextual()) {
      if (!finishing || held.length() == 0) {
        return false;
      }
      ((ObjectNode) delta).put("content", release(held, held.length()));
      return true;
    }
    held.append(content.asText());
    int cut = finishing ? held.length() : safeCut(held.toString());
    ((ObjectNode) delta).put("content", release(held, cut));
    return true;
  }

  /** Returns how much of {@code text} can go out without splitting a possible value. */
  private int safeCut(String text) {
    int cut = Math.max(0, text.length() - holdback);
    if (cut == 0) {
      return 0;
    }
    GuardOutcome outcome = pipeline.check(text, Direction.OUTPUT);
    for (GuardVerdict verdict : outcome.verdicts()) {
      for (Finding finding : verdict.findings()) {
        if (finding.start() < cut && cut < finding.end()) {
          cut = finding.start();
        }
      }
    }
    return cut;
  }

  /** Takes the first {@code cut} characters out of {@code held} and returns them guarded. */
  private String release(StringBuilder held, int cut) {
    String released = held.substring(0, cut);
    held.delete(0, cut);
    if (released.isEmpty()) {
      return released;
    }
    GuardOutcome outcome = pipeline.check(released, Direction.OUTPUT);
    if (outcome.action() == GuardAction.PASS) {
      return released;
    }
    outcomes.add(outcome);
    return outcome.action() == GuardAction.BLOCK ? "[BLOCKED]" : outcome.text();
  }

  private static int eventEnd(String text, int start) {
    for (int i = start; i < text.length(); i++) {
      if (text.startsWith("\r\n\r\n", i)) {
        return i + 4;
      }
      if (text.startsWith("\n\n", i) || text.startsWith("\r\r", i)) {
        return i + 2;
      }
    }
    return text.length();
  }

  /** Returns the byte index just past the last complete event in {@code buffer}, or -1. */
  private static int lastEventEnd(Buffer buffer) {
    for (int i = buffer.length() - 2; i >= 0; i--) {
      byte first = buffer.getByte(i);
      byte second = buffer.getByte(i + 1);
      if ((first == '\n' && second == '\n') || (first == '\r' && second == '\r')) {
        return i + 2;
      }
      if (first == '\n'
          && second == '\r'
          && i + 2 < buffer.length()
          && buffer.getByte(i + 2) == '\n') {
        return i + 3;
      }
    }
    return -1;
  }
}
