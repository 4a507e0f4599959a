package dev.lookout.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.core.pricing.PriceTable;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallRecordBuilder;
import dev.lookout.core.record.CallStatus;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.gateway.CallSink;
import dev.lookout.gateway.error.GatewayError;
import dev.lookout.gateway.metrics.GatewayMetrics;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a finished call into a record: prices its usage, observes metrics and hands the record to
 * the sink. Runs on the event loop; the sink must not block.
 */
public final class CallFinisher {
  private final CallSink sink;
  private final GatewayMetrics metrics;
  private final PriceTable prices;
  private final UsageEstimator estimator;
  private final AtomicInteger inFlight;

  public CallFinisher(
      CallSink sink,
      GatewayMetrics metrics,
      PriceTable prices,
      UsageEstimator estimator,
      AtomicInteger inFlight) {
    this.sink = sink;
    this.metrics = metrics;
    this.prices = prices;
    this.estimator = estimator;
    this.inFlight = inFlight;
  }

  void started() {
    inFlight.incrementAndGet();
    metrics.callStarted();
  }

  /** Records a call that Lookout rejected with one of its own errors. */
  void rejected(CallContext call, GatewayError error, String message) {
    if (!call.finish()) {
      return;
    }
    CallRecordBuilder builder =
        call.recordBuilder(error.callStatus(), error.httpStatus())
            .errorType(error.code())
            .errorMessage(Secrets.scrub(message));
    publish(builder.build());
  }

  /**
   * Records a call that reached the provider, however it ended.
   *
   * @param usage usage the provider reported, or empty to estimate it from {@code outputText}
   * @param responseModel model named in the provider's response, or null
   */
  void completed(
      CallContext call,
      CallStatus status,
      int httpStatus,
      Optional<TokenUsage> usage,
      String outputText,
      String responseModel,
      String errorType,
      String errorMessage) {
    if (!call.finish()) {
      return;
    }
    CallRecordBuilder builder =
        call.recordBuilder(status, httpStatus)
            .responseModel(responseModel)
            .errorType(errorType)
            .errorMessage(Secrets.scrub(errorMessage));
    boolean billed = status == CallStatus.SUCCESS || status == CallStatus.CANCELLED;
    if (usage.isPresent() || billed) {
      TokenUsage tokens =
          usage.orElseGet(
              () -> estimator.estimate(call.endpoint, call.model, call.requestBody, outputText));
      builder.usage(tokens).costUsd(price(call.model, responseModel, tokens));
    }
    publish(builder.build());
  }

  /** Prices by the model named in the response, else by the one requested. */
  private BigDecimal price(String model, String responseModel, TokenUsage usage) {
    if (responseModel != null && !responseModel.isEmpty()) {
      Optional<BigDecimal> cost = prices.cost(responseModel, usage);
      if (cost.isPresent()) {
        return cost.get();
      }
    }
    return prices.cost(model, usage).orElse(null);
  }

  private void publish(CallRecord record) {
    inFlight.decrementAndGet();
    metrics.callFinished(record);
    sink.offer(record);
  }

  /**
   * Returns the most specific error name in a provider's error body: {@code error.code} when it is
   * a string (OpenAI's {@code insufficient_quota}), else {@code error.type} (Anthropic's {@code
   * overloaded_error}), else null.
   */
  static String errorType(JsonNode body) {
    JsonNode error = body.path("error");
    if (error.path("code").isTextual()) {
      return error.get("code").asText();
    }
    if (error.path("type").isTextual()) {
      return error.get("type").asText();
    }
    return null;
  }

  /** Returns {@code error.message} of a provider's error body, or null. */
  static String errorMessage(JsonNode body) {
    JsonNode message = body.path("error").path("message");
    return message.isTextual() ? message.asText() : null;
  }
}
