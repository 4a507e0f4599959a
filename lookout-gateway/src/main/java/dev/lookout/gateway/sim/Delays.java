package dev.lookout.gateway.sim;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;

/** Runs an action after a delay on the event loop, unless the client disconnects first. */
final class Delays {
  private Delays() {}

  /** Runs {@code action} after {@code delayMs} milliseconds, or at once when it is 0. */
  static void after(Vertx vertx, HttpServerResponse response, long delayMs, Runnable action) {
    if (delayMs <= 0) {
      action.run();
      return;
    }
    long timerId =
        vertx.setTimer(
            delayMs,
            ignored -> {
              if (!response.closed()) {
                action.run();
              }
            });
    response.closeHandler(ignored -> vertx.cancelTimer(timerId));
  }
}
