package dev.lookout.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lookout.core.record.CallStatus;
import dev.lookout.core.sse.SseParser;
import dev.lookout.core.usage.StreamAccumulator;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageReader;
import dev.lookout.gateway.GatewaySettings;
import dev.lookout.gateway.error.ErrorBody;
import dev.lookout.gateway.error.GatewayError;
import dev.lookout.gateway.guard.OutputGuarding;
import dev.lookout.gateway.guard.StreamRedactor;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards one recorded call to the provider and passes the response back chunk by chunk, reading
 * usage on the way. Streams are parsed as they pass, never buffered whole; a non-streamed body is
 * copied aside (up to a limit) to read its usage at the end. Runs on the request's event loop.
 */
final class UpstreamExchange {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamExchange.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Largest non-streamed response copied aside for usage; larger bodies pass uncounted. */
  private static final int MAX_COPIED_RESPONSE_BYTES = 32 * 1024 * 1024;

  private final Vertx vertx;
  private final HttpClient client;
  private final GatewaySettings settings;
  private final CallFinisher finisher;
  private final RateLimitedLog upstreamWarnings;
  private final CallContext call;
  private final HttpServerRequest request;
  private final StreamAccumulator stream = new StreamAccumulator();
  private final SseParser sse = new SseParser(event -> onEvent(event.event(), event.data()));
  private Buffer copied = Buffer.buffer();
  private InjectedUsageFilter usageFilter;
  private final OutputGuarding outputGuarding;
  private StreamRedactor redactor;

  /**
   * Parser of the events a redacted stream sent to the client, so the payload stores only those.
   */
  private SseParser delivered;

  /** Whether a non-streamed body is held whole so the output guards can rewrite it. */
  private boolean holdBody;

  private String contentEncoding;
  private HttpClientRequest upstreamRequest;
  private long timeoutTimer = -1;
  private boolean responseStarted;
  private boolean responseEnded;
  private long lastChunkNanos;
  private boolean eventStream;

  UpstreamExchange(
      Vertx vertx,
      HttpClient client,
      GatewaySettings settings,
      CallFinisher finisher,
      RateLimitedLog upstreamWarnings,
      OutputGuarding outputGuarding,
      CallContext call,
      HttpServerRequest request) {
    this.outputGuarding = outputGuarding;
    this.vertx = vertx;
    this.client = client;
    this.settings = settings;
    this.finisher = finisher;
    this.upstreamWarnings = upstreamWarnings;
    this.call = call;
    this.request = request;
  }

  /** Sends {@code body} upstream and relays the response to the client. */
  void forward(Buffer body) {
    request.response().closeHandler(v -> onClientClosed());
    RequestOptions options =
        UpstreamRequests.options(target(), request, call.endpoint.path() + query(request));
    long timeoutMillis = settings.upstreamTimeout().toMillis();
    // One periodic check per call, rather than a new timer per chunk: before the headers it
    // enforces the timeout on the whole response, afterwards on the gap between two chunks.
    timeoutTimer =
        vertx.setPeriodic(Math.max(10, timeoutMillis / 4), id -> checkTimeout(timeoutMillis));
    client
        .request(options)
        .compose(
            upstream -> {
              upstreamRequest = upstream;
              ForwardHeaders.copyRequest(request.headers(), upstream.headers());
              return upstream.send(body);
            })
        .onSuccess(this::onResponse)
        .onFailure(this::onUpstreamFailure);
  }

  private void checkTimeout(long timeoutMillis) {
    long since = responseStarted ? lastChunkNanos : call.startNanos;
    if (System.nanoTime() - since < timeoutMillis * 1_000_000L) {
      return;
    }
    vertx.cancelTimer(timeoutTimer);
    if (responseStarted) {
      onBodyFailure(
          new TimeoutException(
              "Upstream sent no data for " + timeoutMillis + " ms in the middle of its response"));
      if (upstreamRequest != null) {
        upstreamRequest.reset();
      }
    } else {
      onTimeout();
    }
  }

  private java.net.URI target() {
    return call.endpoint.anthropic() ? settings.anthropicUpstream() : settings.upstream();
  }

  private static String query(HttpServerRequest request) {
    String query = request.query();
    return query == null || query.isEmpty() ? "" : "?" + query;
  }

  private void onResponse(HttpClientResponse upstream) {
    lastChunkNanos = System.nanoTime();
    if (call.finished()) {
      vertx.cancelTimer(timeoutTimer);
      upstream.request().reset();
      return;
    }
    responseStarted = true;
    HttpServerResponse response = request.response();
    response.setStatusCode(upstream.statusCode());
    ForwardHeaders.copyResponse(upstream.headers(), response.headers());
    String contentType = upstream.getHeader(HttpHeaders.CONTENT_TYPE);
    contentEncoding = upstream.getHeader(HttpHeaders.CONTENT_ENCODING);
    eventStream =
        contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    call.stream = call.stream || eventStream;
    BodyEncoding encoding = BodyEncoding.of(contentEncoding);
    if (eventStream && encoding != BodyEncoding.IDENTITY) {
      // NOTE: a compressed stream is passed through unread; its tokens are estimated.
      upstreamWarnings.warn(
          "proxy: request {} stream is {}-encoded although the gateway asked for none, so its"
              + " usage cannot be read",
          call.requestId,
          contentEncoding);
    }
    if (eventStream) {
      call.streamed = stream;
    }
    if (eventStream && call.usageInjected) {
      usageFilter = new InjectedUsageFilter();
    }
    // A provider's error message may quote the request or the output, personal data included,
    // so error bodies and error streams are guarded too.
    if (outputGuarding.active()) {
      if (eventStream && call.endpoint != Endpoint.EMBEDDINGS) {
        redactor = new StreamRedactor(outputGuarding.pipeline());
        StreamAccumulator sent = new StreamAccumulator();
        delivered = new SseParser(event -> sent.onEvent(event.event(), event.data()));
        call.delivered = sent;
      } else if (!eventStream) {
        holdBody = true;
      }
    }
    if ((redactor != null && encoding != BodyEncoding.IDENTITY)
        || (holdBody && encoding == BodyEncoding.UNREADABLE)) {
      rejectUnreadable(upstream);
      return;
    }
    if (redactor != null || holdBody) {
      response.headers().remove(HttpHeaders.CONTENT_LENGTH);
      response.setChunked(true);
    }
    if (eventStream || upstream.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
      response.headers().remove(HttpHeaders.CONTENT_LENGTH);
      response.setChunked(true);
    }
    upstream.handler(chunk -> onChunk(upstream, response, chunk));
    upstream.exceptionHandler(this::onBodyFailure);
    upstream.endHandler(v -> onEnd(upstream, response));
  }

  /**
   * Replies 502 in place of a response the output guards cannot read: a compressed stream, or a
   * body in an encoding other than gzip. Passing it on would send the client text no guard checked.
   */
  private void rejectUnreadable(HttpClientResponse upstream) {
    vertx.cancelTimer(timeoutTimer);
    String message =
        "Upstream "
            + dev.lookout.gateway.Upstreams.display(target())
            + " sent a "
            + (eventStream ? "stream" : "response")
            + " encoded as '"
            + contentEncoding
            + "', which the output guards cannot read, so it was not passed on; have the provider"
            + " send it uncompressed"
            + (eventStream ? "" : " or gzip-encoded");
    upstreamWarnings.warn("proxy: request {} rejected: {}", call.requestId, message);
    request.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
    request.response().headers().remove(HttpHeaders.CONTENT_LENGTH);
    reply(GatewayError.UPSTREAM_UNREADABLE, message);
    upstream.request().reset();
  }

  private void onChunk(HttpClientResponse upstream, HttpServerResponse response, Buffer chunk) {
    lastChunkNanos = System.nanoTime();
    if (eventStream) {
      sse.feed(chunk.getBytes());
    } else if (copied != null) {
      if (copied.length() + chunk.length() <= MAX_COPIED_RESPONSE_BYTES) {
        copied.appendBuffer(chunk);
      } else {
        if (holdBody) {
          // Too large to hold for the guards: release what is held and pass the rest through.
          upstreamWarnings.warn(
              "proxy: request {} response is over {} bytes, so the output guards cannot check it",
              call.requestId,
              MAX_COPIED_RESPONSE_BYTES);
          holdBody = false;
          response.write(copied);
        }
        copied = null;
      }
    }
    Buffer out = usageFilter == null ? chunk : usageFilter.apply(chunk);
    if (redactor != null) {
      out = redactor.apply(out);
      delivered.feed(out.getBytes());
    }
    if (holdBody) {
      return;
    }
    if (out.length() > 0) {
      response.write(out);
    }
    if (response.writeQueueFull()) {
      upstream.pause();
      response.drainHandler(v -> upstream.resume());
    }
  }

  private void onEvent(String event, String data) {
    stream.onEvent(event, data);
    if (stream.sawContent()) {
      call.markFirstContent();
    }
  }

  private void onEnd(HttpClientResponse upstream, HttpServerResponse response) {
    vertx.cancelTimer(timeoutTimer);
    if (call.finished()) {
      return;
    }
    if (eventStream) {
      sse.finish();
    }
    if (finisher.cutting() && cutByStop(upstream)) {
      // The stop closed the upstream connection, and a body without length or chunks (HTTP/1.0)
      // reads that close as a clean end. The client sees the cut, not a finished response.
      onClientClosed();
      request.response().reset();
      return;
    }
    // Over HTTP/2 the response's close handler runs inside end(); it must not see a cancel.
    responseEnded = true;
    Buffer rest = usageFilter != null ? usageFilter.finish() : null;
    if (redactor != null) {
      Buffer tail = redactor.apply(rest == null ? Buffer.buffer() : rest);
      rest = tail.appendBuffer(redactor.finish());
      delivered.feed(rest.getBytes());
      delivered.finish();
      call.outputOutcomes = redactor.outcomes();
    }
    // The record is handed over before the last byte goes out, so a client that has seen the
    // whole response can rely on its record being with the recorder.
    int status = upstream.statusCode();
    if (holdBody) {
      rest = guardedBody(upstream.statusCode());
    }
    if (eventStream) {
      finishStream(status);
    } else {
      finishBody(status);
    }
    if (rest != null) {
      response.end(rest);
    } else {
      response.end();
    }
  }

  /**
   * Returns whether a response that ends while the stop closes the upstream connections lacks its
   * end. A stream lacks the event that ends it. A non-streamed body lacks its end when only the
   * connection's close delimits it and it is not known to be whole.
   */
  private boolean cutByStop(HttpClientResponse upstream) {
    if (eventStream) {
      return missingEnd() != null;
    }
    // NOTE: a whole body that is not JSON, or is too large to copy, reads as cut too when only
    // the stop's close ends it.
    return CloseDelimitedBody.isCloseDelimited(
            upstream.statusCode(), upstream.version(), upstream.headers())
        && !CloseDelimitedBody.isKnownComplete(
            upstream.getHeader(HttpHeaders.CONTENT_TYPE),
            contentEncoding,
            copied,
            MAX_COPIED_RESPONSE_BYTES);
  }

  private void finishStream(int status) {
    String streamError = stream.errorMessage();
    if (streamError == null && status / 100 == 2) {
      streamError = missingEnd();
    }
    boolean ok = status / 100 == 2 && streamError == null;
    finisher.completed(
        call,
        ok ? CallStatus.SUCCESS : CallStatus.ERROR,
        status,
        finisher.streamUsage(call, stream),
        stream.outputText(),
        stream.responseModel(),
        ok ? null : (streamError != null ? "stream_error" : "http_" + status),
        streamError);
  }

  /**
   * Returns what a stream that closes now lacks to be complete, or null when it is complete.
   * Anthropic ends every complete stream with message_stop, so a stream that closes without one was
   * cut, however cleanly the connection ended. A chat or completion stream is complete with [DONE]
   * or with a finish_reason, as some providers send no [DONE].
   */
  private String missingEnd() {
    if (stream.sawEnd()) {
      return null;
    }
    if (call.endpoint == Endpoint.MESSAGES) {
      return "the Anthropic stream ended without message_stop";
    }
    if ((call.endpoint == Endpoint.CHAT_COMPLETIONS || call.endpoint == Endpoint.COMPLETIONS)
        && !stream.sawFinishReason()) {
      return "the stream ended without [DONE] or a finish_reason";
    }
    return null;
  }

  private void finishBody(int status) {
    call.responseBody = copied;
    call.responseEncoding = contentEncoding;
    JsonNode body = parseCopied();
    String responseModel = body.path("model").isTextual() ? body.get("model").asText() : null;
    if (status / 100 == 2) {
      Optional<TokenUsage> usage = UsageReader.fromResponse(body);
      finisher.completed(
          call,
          CallStatus.SUCCESS,
          status,
          usage,
          UsageEstimator.outputText(body),
          responseModel,
          null,
          null);
      return;
    }
    String type = CallFinisher.errorType(body);
    finisher.completed(
        call,
        CallStatus.ERROR,
        status,
        Optional.empty(),
        "",
        responseModel,
        type != null ? type : "http_" + status,
        CallFinisher.errorMessage(body));
  }

  /** Returns the held body after the output guards, or unchanged when it is not JSON. */
  // NOTE: runs on the event loop; a response of several hundred KB stalls other calls on this
  // loop for milliseconds while output redaction is on.
  private Buffer guardedBody(int status) {
    if (copied == null || copied.length() == 0) {
      return copied == null ? Buffer.buffer() : copied;
    }
    JsonNode body = parseCopied();
    String redacted;
    if (body.isObject() && status / 100 == 2) {
      call.outputOutcomes = outputGuarding.apply(body);
      redacted = body.toString();
    } else if (body.isContainerNode()) {
      // An error body may quote the request in any field, not only in error.message.
      call.outputOutcomes = outputGuarding.applyToAll(body);
      redacted = body.toString();
    } else {
      call.outputOutcomes = new ArrayList<>();
      redacted = outputGuarding.applyToText(copiedText(), call.outputOutcomes);
    }
    if (call.outputOutcomes.isEmpty()) {
      return copied;
    }
    Buffer rewritten = Buffer.buffer(redacted);
    // Usage is read from the rewritten body below; redaction does not change it.
    copied = rewritten;
    contentEncoding = null;
    request.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
    return rewritten;
  }

  /** Returns the held body as text, decompressed. */
  private String copiedText() {
    try {
      return new String(copiedBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return copied.toString(StandardCharsets.UTF_8);
    }
  }

  private byte[] copiedBytes() throws IOException {
    return BodyEncoding.of(contentEncoding).decode(copied.getBytes(), MAX_COPIED_RESPONSE_BYTES);
  }

  private JsonNode parseCopied() {
    if (copied == null) {
      upstreamWarnings.warn(
          "proxy: request {} response is over {} bytes, so its usage was not read and its output"
              + " tokens are recorded as 0",
          call.requestId,
          MAX_COPIED_RESPONSE_BYTES);
      return MissingNode.getInstance();
    }
    if (copied.length() == 0) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = JSON.readTree(copiedBytes());
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      upstreamWarnings.warn(
          "proxy: request {} response body could not be read as JSON ({}), so its usage is"
              + " estimated from the request",
          call.requestId,
          e.getMessage());
      return MissingNode.getInstance();
    }
  }

  private void onTimeout() {
    vertx.cancelTimer(timeoutTimer);
    if (responseStarted || call.finished()) {
      return;
    }
    String message =
        "Upstream "
            + dev.lookout.gateway.Upstreams.display(target())
            + " did not answer within "
            + settings.upstreamTimeout().toMillis()
            + " ms; raise upstream_timeout or check the provider's status";
    upstreamWarnings.warn("proxy: request {} timed out: {}", call.requestId, message);
    // Record first: resetting the upstream request fails its future at once, and that failure
    // must find the call already finished.
    reply(GatewayError.UPSTREAM_TIMEOUT, message);
    if (upstreamRequest != null) {
      upstreamRequest.reset();
    }
  }

  private void onUpstreamFailure(Throwable failure) {
    vertx.cancelTimer(timeoutTimer);
    if (call.finished()) {
      return;
    }
    if (finisher.cutting()) {
      // Stopping closes the upstream connections after the grace. The shutdown cut this call,
      // so it is recorded as cut and its client gets no error that blames the provider.
      onClientClosed();
      request.response().reset();
      return;
    }
    if (isTimeout(failure)) {
      onTimeout();
      return;
    }
    String message =
        "Upstream "
            + dev.lookout.gateway.Upstreams.display(target())
            + " is unreachable: "
            + failure.getMessage()
            + "; check "
            + (call.endpoint.anthropic() ? "--anthropic-upstream" : "--upstream")
            + " and that the provider is up";
    upstreamWarnings.warn("proxy: request {} failed: {}", call.requestId, message);
    reply(GatewayError.UPSTREAM_UNREACHABLE, message);
  }

  /** Records a provider body that broke off after its headers reached the client. */
  private void onBodyFailure(Throwable failure) {
    vertx.cancelTimer(timeoutTimer);
    if (call.finished()) {
      return;
    }
    if (finisher.cutting()) {
      // Stopping closes the upstream connections once the grace runs out; such a cut is the
      // shutdown's, not the provider's. A failure during the grace is still the provider's.
      onClientClosed();
      return;
    }
    boolean timedOut = isTimeout(failure);
    upstreamWarnings.warn(
        "proxy: request {} upstream body failed after {} ms: {}",
        call.requestId,
        (System.nanoTime() - call.startNanos) / 1_000_000,
        failure.toString());
    finisher.completed(
        call,
        timedOut ? CallStatus.TIMEOUT : CallStatus.ERROR,
        request.response().getStatusCode(),
        finisher.streamUsage(call, stream),
        stream.outputText(),
        stream.responseModel(),
        timedOut ? "upstream_timeout" : "upstream_disconnected",
        failure.getMessage());
    // Recorded first, because the reset runs the close handler at once. HTTP/2 code 2
    // (INTERNAL_ERROR) signals the broken stream to the client; HTTP/1.1 closes the connection.
    request.response().reset(2);
  }

  private static boolean isTimeout(Throwable failure) {
    String message = failure.getMessage();
    return failure instanceof TimeoutException
        || (message != null && message.toLowerCase(Locale.ROOT).contains("timeout"));
  }

  private void onClientClosed() {
    if (call.finished() || responseEnded) {
      return;
    }
    vertx.cancelTimer(timeoutTimer);
    boolean shutdown = finisher.stopping();
    LOG.debug(
        "proxy: request {} cut before its response was complete ({})",
        call.requestId,
        shutdown ? "gateway stopping" : "client closed the connection");
    finisher.completed(
        call,
        CallStatus.CANCELLED,
        499,
        finisher.streamUsage(call, stream),
        eventStream ? stream.outputText() : "",
        stream.responseModel(),
        shutdown ? "gateway_shutdown" : "client_disconnected",
        shutdown
            ? "The gateway stopped before the response was complete; shutdown_grace ran out"
            : "The client closed the connection before the response was complete");
    if (upstreamRequest != null) {
      upstreamRequest.reset();
    }
  }

  private void reply(GatewayError error, String message) {
    finisher.rejected(call, error, message);
    HttpServerResponse response = request.response();
    if (!response.ended() && !response.closed()) {
      response
          .setStatusCode(error.httpStatus())
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(
              call.endpoint.anthropic()
                  ? ErrorBody.anthropic(error, message)
                  : ErrorBody.of(error, message));
    }
  }
}
