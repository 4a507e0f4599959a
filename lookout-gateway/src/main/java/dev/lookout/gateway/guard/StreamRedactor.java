package dev.lookout.gateway.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.guard.GuardOutcome;
import dev.lookout.core.guard.GuardPipeline;
import dev.lookout.gateway.sse.SseBoundaries;
import dev.lookout.gateway.sse.SseEventText;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redacts the text of a streamed response as it passes, keeping the provider's chunk structure:
 * each chunk goes out with its text replaced by the part that is safe to release. The texts are
 * those {@link ChatChunkRedaction} lists for OpenAI chat and completion chunks and {@link
 * AnthropicEventRedaction} lists for Anthropic Messages events. The last {@link
 * GuardPipeline#outputHoldbackChars()} characters of each text are held back, and never a value the
 * guard has started to match, so a value split across chunks is still found whole. Held text goes
 * out with the choice's finish chunk, or just before a usage-only chunk or {@code [DONE]}, or for
 * Anthropic at the end of its content block.
 *
 * <p>Text still held when the stream ends some other way is dropped and never sent, because a
 * stream cut in the middle of a value leaves a start, such as {@code ann@example.}, that no longer
 * looks like one. The {@code error.message} of an error event, OpenAI's or Anthropic's, is redacted
 * whole. JSON objects of other shapes ({@code message_delta}) pass unchanged, and other events
 * (comments, text data, JSON arrays) are redacted in their raw text. An event whose JSON data does
 * not parse, or contains a second value after the first, is dropped, since its text cannot be
 * checked. Every line of an event other than its data, such as its {@code id} and {@code event}
 * fields, is checked whole and redacted in place. Each such line is checked on its own, because the
 * SSE rules join only data lines, so a client reads every other line as a value of its own. Data
 * split over several {@code data:} lines is read whole and written back as one line. A byte order
 * mark before the first event is dropped.
 */
public final class StreamRedactor {
  private static final Logger LOG = LoggerFactory.getLogger(StreamRedactor.class);

  /**
   * Reads an event's data as one JSON value. Data that contains a second value after the first is
   * not JSON: a client that reads each data line on its own would see the second one.
   */
  private static final ObjectReader JSON =
      new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** Maximum number of distinct passed lines remembered per stream, which bounds its memory. */
  private static final int MAX_PASSED_LINES = 64;

  private final TextRelease release;
  private final ChatChunkRedaction chat;
  private final AnthropicEventRedaction anthropic;

  private Buffer partial = Buffer.buffer();

  /** Lines other than data, such as {@code event: content_block_delta}, that the guards passed. */
  private final Set<String> passedLines = new HashSet<>();

  /** Whether the stream's first event has been read, and with it any byte order mark. */
  private boolean started;

  public StreamRedactor(GuardPipeline pipeline) {
    this.release = new TextRelease(pipeline);
    this.chat = new ChatChunkRedaction(release);
    this.anthropic = new AnthropicEventRedaction(release);
  }

  /** Returns the outcomes of every release in which a guard acted. */
  public List<GuardOutcome> outcomes() {
    return release.outcomes();
  }

  /** Returns what of {@code chunk} can go to the client now. */
  public Buffer apply(Buffer chunk) {
    partial.appendBuffer(chunk);
    // Found in bytes, so a multi-byte character split across chunks stays whole in the rest.
    int end = SseBoundaries.lastEventEnd(partial);
    if (end < 0) {
      return Buffer.buffer();
    }
    String events = partial.getString(skipByteOrderMark(), end, StandardCharsets.UTF_8.name());
    partial = partial.getBuffer(end, partial.length());
    return Buffer.buffer(rewrite(events));
  }

  /**
   * Returns where the stream's text starts in {@code partial}: past the byte order mark that may
   * open a stream, which a client drops before it reads the first line. The mark is not sent on.
   */
  private int skipByteOrderMark() {
    if (started) {
      return 0;
    }
    started = true;
    return partial.length() >= UTF8_BOM.length
            && Arrays.equals(partial.getBytes(0, UTF8_BOM.length), UTF8_BOM)
        ? UTF8_BOM.length
        : 0;
  }

  /**
   * Returns what is left when the upstream closed the stream: its last event, if it came without
   * the closing blank line. Text still held is dropped, since a stream that reached its end
   * released it already.
   */
  public Buffer finish() {
    String rest =
        partial.getString(skipByteOrderMark(), partial.length(), StandardCharsets.UTF_8.name());
    partial = Buffer.buffer();
    String out = rewrite(rest);
    chat.drop();
    anthropic.drop();
    return Buffer.buffer(out);
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

  private String rewriteEvent(String raw) {
    // A client may show or keep an event's id and name, so every line but the data is checked.
    String event = SseEventText.mapOtherLines(raw, this::guardLine);
    SseEventText parsed = SseEventText.parse(event);
    String data = parsed.data() == null ? "" : parsed.data().strip();
    if (data.equals("[DONE]")) {
      return chat.releaseAll() + event;
    }
    if (!data.startsWith("{")) {
      return guardWhole(event);
    }
    JsonNode chunk;
    try {
      chunk = JSON.readTree(data);
    } catch (JsonProcessingException e) {
      // Only the size and the place: the message would quote the text.
      LOG.debug(
          "guard: dropped a stream event whose {} characters of data are not JSON (line {},"
              + " column {})",
          data.length(),
          e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
          e.getLocation() == null ? -1 : e.getLocation().getColumnNr());
      return "";
    }
    if (!(chunk instanceof ObjectNode node)) {
      return guardWhole(event);
    }
    if (node.get("error") instanceof ObjectNode error && error.path("message").isTextual()) {
      // An error event ends the stream, so its message is checked whole.
      error.put("message", release.releaseWhole(error.path("message").asText()));
      return parsed.withData(node.toString());
    }
    if (node.path("type").isTextual()) {
      return anthropic.rewrite(event, parsed, node);
    }
    if (isUsageOnly(node)) {
      // The last chunk of a stream that asked for usage: held text goes out before it, as a
      // provider sends its text before the usage.
      return chat.releaseAll() + event;
    }
    return chat.rewrite(node) ? parsed.withData(node.toString()) : event;
  }

  /**
   * Returns {@code event}, one that is no known chunk (a comment, text data, a JSON array), with
   * what the guards find in its raw text redacted. Its text is not held, since no later event
   * continues it.
   */
  private String guardWhole(String event) {
    return release.releaseWhole(event);
  }

  /**
   * Returns {@code line}, a line of an event other than its data, guarded whole. A line the guards
   * passed before is not checked again, since events repeat their names.
   */
  private String guardLine(String line) {
    if (passedLines.contains(line)) {
      return line;
    }
    String guarded = release.releaseWhole(line);
    if (guarded.equals(line) && passedLines.size() < MAX_PASSED_LINES) {
      passedLines.add(line);
    }
    return guarded;
  }

  /** Returns whether {@code chunk} is a chat chunk with a usage and no choices. */
  private static boolean isUsageOnly(ObjectNode chunk) {
    return chunk.path("choices").isEmpty() && chunk.path("usage").isObject();
  }
}
