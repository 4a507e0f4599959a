package dev.lookout.core.sse;

import java.util.function.Consumer;

/** Incremental parser of a {@code text/event-stream} body fed in arbitrary chunks. */
public final class SseParser {

  public SseParser(Consumer<SseEvent> listener) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Parses the next chunk of bytes as they arrived from the network (UTF-8). */
  public void feed(byte[] chunk) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Dispatches a final event that was not followed by a blank line. */
  public void finish() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Returns the number of comment lines (starting with ':') seen. */
  public int commentLines() {
    throw new UnsupportedOperationException("not built yet");
  }
}
