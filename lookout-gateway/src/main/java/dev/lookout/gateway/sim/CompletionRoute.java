package dev.lookout.gateway.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.core.tokens.TokenCounter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves {@code POST /v1/chat/completions} and {@code POST /v1/completions} with a recorded
 * response, either whole or as a server-sent event stream paced by the request's timing.
 *
 * <p>NOTE: {@code max_tokens}, {@code n}, {@code stop} and tools are ignored: every response is the
 * whole recorded response with finish_reason "stop".
 */
final class CompletionRoute {
  private final Vertx vertx;
  private final ResponseCatalog catalog;
  private final TokenCounter tokenCounter;
  private final CompletionBodies.Kind kind;
  private final AtomicInteger activeStreams;

  CompletionRoute(
      Vertx vertx,
      ResponseCatalog catalog,
      TokenCounter tokenCounter,
      CompletionBodies.Kind kind,
      AtomicInteger activeStreams) {
    this.vertx = vertx;
    this.catalog = catalog;
    this.tokenCounter = tokenCounter;
    this.kind = kind;
    this.activeStreams = activeStreams;
  }

  /**
   * Sends the response to the request {@code body}.
   *
   * @throws InvalidRequestException when the body lacks the model or the prompt
   */
  void handle(HttpServerResponse response, JsonNode body, RequestOverrides timing) {
    String model = RequestFields.requiredText(body, "model");
    String prompt;
    int promptTokens;
    if (kind == CompletionBodies.Kind.CHAT) {
      JsonNode messages = body.get("messages");
      if (messages == null || !messages.isArray() || messages.isEmpty()) {
        throw new InvalidRequestException(
            "messages", "Missing \"messages\": give a non-empty array of chat messages.");
      }
      prompt = lastUserText(messages);
      promptTokens = tokenCounter.countChatPrompt(model, messages);
    } else {
      prompt = RequestFields.promptText(body.get("prompt"));
      promptTokens = tokenCounter.countText(model, prompt);
    }
    String responseText = catalog.find(prompt, model).response();
    var usage =
        new CompletionBodies.Usage(promptTokens, tokenCounter.countText(model, responseText));
    String idPrefix = kind == CompletionBodies.Kind.CHAT ? "chatcmpl-" : "cmpl-";
    var bodies =
        new CompletionBodies(
            kind,
            idPrefix + UUID.randomUUID().toString().replace("-", ""),
            TimeUnit.MILLISECONDS.toSeconds(System.currentTimeMillis()),
            model);
    long ttftNanos = TimeUnit.MILLISECONDS.toNanos(timing.ttftMs());
    long generationNanos =
        timing.tokensPerSecond() > 0
            ? (long) (usage.completionTokens() / timing.tokensPerSecond() * 1e9)
            : 0;
    if (body.path("stream").asBoolean(false)) {
      boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
      List<String> pieces = TextPieces.split(responseText);
      long stepNanos =
          timing.chunkIntervalMs() > 0
              ? TimeUnit.MILLISECONDS.toNanos(timing.chunkIntervalMs())
              : pieces.isEmpty() ? 0 : generationNanos / pieces.size();
      List<StreamEmitter.TimedEvent> events =
          streamEvents(bodies, pieces, usage, includeUsage, ttftNanos, stepNanos);
      activeStreams.incrementAndGet();
      StreamEmitter.start(vertx, response, events, activeStreams::decrementAndGet);
    } else {
      String json = bodies.full(responseText, usage);
      Delays.after(
          vertx,
          response,
          TimeUnit.NANOSECONDS.toMillis(ttftNanos + generationNanos),
          () -> response.putHeader("content-type", "application/json").end(json));
    }
  }

  /**
   * Lays out the stream: the role chunk and the first piece at the time to first token, each other
   * piece {@code stepNanos} after the one before, then the finish chunk, the usage chunk (only when
   * requested) and {@code [DONE]} right after the last piece.
   */
  private List<StreamEmitter.TimedEvent> streamEvents(
      CompletionBodies bodies,
      List<String> pieces,
      CompletionBodies.Usage usage,
      boolean includeUsage,
      long ttftNanos,
      long step) {
    List<StreamEmitter.TimedEvent> events = new ArrayList<>(pieces.size() + 4);
    if (kind == CompletionBodies.Kind.CHAT) {
      events.add(new StreamEmitter.TimedEvent(ttftNanos, bodies.roleChunk(includeUsage)));
    }
    long offset = ttftNanos;
    for (int i = 0; i < pieces.size(); i++) {
      offset = ttftNanos + i * step;
      events.add(
          new StreamEmitter.TimedEvent(offset, bodies.pieceChunk(pieces.get(i), includeUsage)));
    }
    events.add(new StreamEmitter.TimedEvent(offset, bodies.finishChunk(includeUsage)));
    if (includeUsage) {
      events.add(new StreamEmitter.TimedEvent(offset, bodies.usageChunk(usage)));
    }
    events.add(new StreamEmitter.TimedEvent(offset, "[DONE]"));
    return events;
  }

  /** Returns the text of the last user message, or "" when there is none. */
  private static String lastUserText(JsonNode messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonNode message = messages.get(i);
      if ("user".equals(message.path("role").asText())) {
        return RequestFields.contentText(message.get("content"));
      }
    }
    return "";
  }
}
