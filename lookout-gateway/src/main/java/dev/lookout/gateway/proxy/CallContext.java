package dev.lookout.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lookout.core.budget.CallOwner;
import dev.lookout.core.guard.GuardOutcome;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallRecordBuilder;
import dev.lookout.core.record.CallStatus;
import dev.lookout.core.record.RequestIds;
import java.time.Instant;
import java.util.List;

/**
 * State of one call while the gateway handles it. Confined to the event loop that received the
 * request, so it needs no locking; it becomes an immutable {@link CallRecord} exactly once.
 */
final class CallContext {
  final String requestId = RequestIds.next();
  final Instant timestamp = Instant.now();
  final long startNanos = System.nanoTime();
  final Endpoint endpoint;
  CallOwner owner;

  /** Whether the gateway added {@code stream_options.include_usage} to the client's request. */
  boolean usageInjected;

  List<GuardOutcome> inputOutcomes = List.of();

  /** Whether input redactions were applied to what went upstream, or only detected. */
  boolean inputRedactionApplied;

  List<GuardOutcome> outputOutcomes = List.of();

  JsonNode requestBody = MissingNode.getInstance();
  String model;
  boolean stream;
  Attribution attribution;
  String promptHash;

  /** Experiment and variant the call was assigned to, or null outside an experiment. */
  String experimentId;

  String variant;
  long firstContentNanos;

  /** The request body as received, kept for payload capture. */
  io.vertx.core.buffer.Buffer rawRequest;

  /** The response body as sent to the client and its encoding, kept for payload capture. */
  io.vertx.core.buffer.Buffer responseBody;

  String responseEncoding;

  /** The stream's accumulator when the response is a stream, for payload capture. */
  dev.lookout.core.usage.StreamAccumulator streamed;

  /**
   * Accumulator of the events a redacted stream sent to the client, for payload capture, or null
   * when the stream was not redacted.
   */
  dev.lookout.core.usage.StreamAccumulator delivered;

  private boolean finished;

  private BodyBudget bodyBudget;

  /** Request body bytes reserved for this call in {@link #bodyBudget}. */
  private long reservedBodyBytes;

  CallContext(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Marks the first content chunk of a stream; later calls keep the first time. */
  void markFirstContent() {
    if (firstContentNanos == 0) {
      firstContentNanos = System.nanoTime();
    }
  }

  /** Returns whether the call is still open, and closes it, so a record is built only once. */
  boolean finish() {
    if (finished) {
      return false;
    }
    finished = true;
    return true;
  }

  boolean finished() {
    return finished;
  }

  /**
   * Reserves {@code bytes} more of {@code budget} for this call's body and returns true, or returns
   * false and reserves nothing if the budget cannot hold them. A call uses one budget.
   */
  boolean reserveBody(BodyBudget budget, long bytes) {
    if (!budget.tryReserve(bytes)) {
      return false;
    }
    bodyBudget = budget;
    reservedBodyBytes += bytes;
    return true;
  }

  long reservedBodyBytes() {
    return reservedBodyBytes;
  }

  /** Returns the body's reservation to its budget; later calls release nothing. */
  void releaseBody() {
    if (bodyBudget != null && reservedBodyBytes > 0) {
      bodyBudget.release(reservedBodyBytes);
      reservedBodyBytes = 0;
    }
  }

  /** Returns a builder with everything known about the request and the timings filled in. */
  CallRecordBuilder recordBuilder(CallStatus status, int httpStatus) {
    long endNanos = System.nanoTime();
    CallRecordBuilder builder =
        CallRecord.builder()
            .requestId(requestId)
            .timestamp(timestamp)
            .endpoint(endpoint.path())
            .provider(endpoint.provider())
            .model(model)
            .promptHash(promptHash)
            .stream(stream)
            .status(status)
            .httpStatus(httpStatus)
            .apiKeyId(owner == null ? null : owner.keyId())
            .experimentId(experimentId)
            .variant(variant)
            .guardActions(GuardOutcome.toJson(inputOutcomes, inputRedactionApplied, outputOutcomes))
            .latencyMs((endNanos - startNanos) / 1_000_000.0);
    if (stream && firstContentNanos != 0) {
      builder.ttftMs((firstContentNanos - startNanos) / 1_000_000.0);
    }
    if (attribution != null) {
      builder
          .userId(owner != null ? owner.userId() : attribution.user())
          .promptTemplate(attribution.template())
          .templateVersion(attribution.templateVersion())
          .metadata(attribution.metadata());
    }
    return builder;
  }
}
