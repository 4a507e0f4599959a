package dev.lookout.gateway.sim;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a list of server-sent events, each at its own time after the start, with Vert.x timers and
 * without blocking the event loop. It respects back-pressure (it waits for the drain handler when
 * the write queue is full) and cancels its timer when the client disconnects.
 */
final class StreamEmitter {
  private static final Logger LOG = LoggerFactory.getLogger(StreamEmitter.class);

  /**
   * One event's {@code data:} payload and when to send it.
   *
   * @param offsetNanos time after the start of the stream, in nanoseconds
   */
  record TimedEvent(long offsetNanos, String data) {}

  private final Vertx vertx;
  private final HttpServerResponse response;
  private final List<TimedEvent> events;
  private final Runnable onDone;
  private final long startNanos;
  private int next;
  private long timerId = -1;
  private boolean waitingForDrain;
  private boolean finished;

  private StreamEmitter(
      Vertx vertx, HttpServerResponse response, List<TimedEvent> events, Runnable onDone) {
    this.vertx = vertx;
    this.response = response;
    this.events = events;
    this.onDone = onDone;
    this.startNanos = System.nanoTime();
  }

  /**
   * Starts sending {@code events} on the calling event loop, then ends the response. {@code onDone}
   * runs once, when the stream ends or the client disconnects.
   */
  static void start(
      Vertx vertx, HttpServerResponse response, List<TimedEvent> events, Runnable onDone) {
    StreamEmitter emitter = new StreamEmitter(vertx, response, events, onDone);
    response
        .setChunked(true)
        .putHeader("content-type", "text/event-stream; charset=utf-8")
        .putHeader("cache-control", "no-cache");
    response.closeHandler(ignored -> emitter.cancel());
    response.drainHandler(ignored -> emitter.onDrain());
    emitter.pump();
  }

  private void pump() {
    timerId = -1;
    if (finished) {
      return;
    }
    long elapsed = System.nanoTime() - startNanos;
    while (next < events.size() && events.get(next).offsetNanos() <= elapsed) {
      response.write("data: " + events.get(next).data() + "\n\n");
      next++;
      if (response.writeQueueFull()) {
        waitingForDrain = true;
        return;
      }
    }
    if (next == events.size()) {
      finish();
      response.end();
      return;
    }
    long waitNanos = events.get(next).offsetNanos() - elapsed;
    long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
    timerId = vertx.setTimer(waitMillis, ignored -> pump());
  }

  private void onDrain() {
    if (waitingForDrain) {
      waitingForDrain = false;
      pump();
    }
  }

  private void cancel() {
    if (finished) {
      return;
    }
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
    LOG.debug("stream cancelled by the client after {} of {} events", next, events.size());
    finish();
  }

  private void finish() {
    finished = true;
    onDone.run();
  }
}
