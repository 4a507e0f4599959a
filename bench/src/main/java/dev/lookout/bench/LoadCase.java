package dev.lookout.bench;

import java.util.Locale;

/**
 * One load shape the benchmark runs against every target.
 *
 * @param stream whether requests ask for a streamed response
 * @param ratePerSecond constant request rate of an open-loop case; 0 for the closed-loop case
 */
record LoadCase(boolean stream, double ratePerSecond) {
  static LoadCase openLoop(boolean stream, double ratePerSecond) {
    return new LoadCase(stream, ratePerSecond);
  }

  /** Returns the case that sends one request at a time, the next when the previous finished. */
  static LoadCase closedLoop(boolean stream) {
    return new LoadCase(stream, 0);
  }

  boolean isClosedLoop() {
    return ratePerSecond == 0;
  }

  String kind() {
    return stream ? "stream" : "plain";
  }

  /** Returns a label such as {@code plain 1000/s} or {@code stream concurrency 1}. */
  String label() {
    if (isClosedLoop()) {
      return kind() + " concurrency 1";
    }
    String rate =
        ratePerSecond == Math.rint(ratePerSecond)
            ? Long.toString((long) ratePerSecond)
            : String.format(Locale.ROOT, "%.1f", ratePerSecond);
    return kind() + " " + rate + "/s";
  }
}
