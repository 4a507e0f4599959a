package dev.lookout.gateway;

import dev.lookout.core.record.CallRecord;

/** Receives finished call records; implemented by the recorder. */
@FunctionalInterface
public interface CallSink {
  /**
   * Hands over one record without blocking the caller.
   *
   * @return false when the record was dropped (for example because a queue is full)
   */
  boolean offer(CallRecord record);
}
