package dev.lookout.core.usage;

import java.util.Optional;

/** Collects usage, output text and errors from the events of one streamed response. */
public final class StreamAccumulator {

  /** Takes one SSE event; {@code event} is null for unnamed events. */
  public void onEvent(String event, String data) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Returns the usage seen in the stream, from whichever chunk carried it. */
  public Optional<TokenUsage> usage() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Returns the content text assembled so far. */
  public String outputText() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Returns the model the provider named in its chunks, or null. */
  public String responseModel() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Returns the message of an error event inside the stream, or null. */
  public String errorMessage() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Returns whether the first content chunk has been seen. */
  public boolean sawContent() {
    throw new UnsupportedOperationException("not built yet");
  }
}
