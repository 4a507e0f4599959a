package dev.lookout.core.record;

import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Mutable builder of a {@link CallRecord}; one per call, confined to the thread that fills it. */
public final class CallRecordBuilder {
  private String requestId;
  private Instant timestamp;
  private String endpoint;
  private String provider;
  private String model;
  private String responseModel;
  private String promptTemplate;
  private String templateVersion;
  private String promptHash;
  private Long inputTokens;
  private Long outputTokens;
  private Long cachedInputTokens;
  private Long cacheWriteTokens;
  private Long reasoningTokens;
  private UsageSource usageSource;
  private BigDecimal costUsd;
  private boolean priced;
  private double latencyMs;
  private Double ttftMs;
  private boolean stream;
  private CallStatus status;
  private int httpStatus;
  private String errorType;
  private String errorMessage;
  private String userId;
  private String apiKeyId;
  private String experimentId;
  private String variant;
  private String guardActions;
  private Map<String, String> metadata;

  CallRecordBuilder() {}

  public CallRecordBuilder requestId(String value) {
    this.requestId = value;
    return this;
  }

  public CallRecordBuilder timestamp(Instant value) {
    this.timestamp = value;
    return this;
  }

  public CallRecordBuilder endpoint(String value) {
    this.endpoint = value;
    return this;
  }

  public CallRecordBuilder provider(String value) {
    this.provider = value;
    return this;
  }

  public CallRecordBuilder model(String value) {
    this.model = value;
    return this;
  }

  public CallRecordBuilder responseModel(String value) {
    this.responseModel = value;
    return this;
  }

  public CallRecordBuilder promptTemplate(String value) {
    this.promptTemplate = value;
    return this;
  }

  public CallRecordBuilder templateVersion(String value) {
    this.templateVersion = value;
    return this;
  }

  public CallRecordBuilder promptHash(String value) {
    this.promptHash = value;
    return this;
  }

  /** Sets every token count and the usage source from one normalised usage. */
  public CallRecordBuilder usage(TokenUsage usage) {
    this.inputTokens = usage.inputTokens();
    this.outputTokens = usage.outputTokens();
    this.cachedInputTokens = usage.cachedInputTokens();
    this.cacheWriteTokens = usage.cacheWriteTokens();
    this.reasoningTokens = usage.reasoningTokens();
    this.usageSource = usage.source();
    return this;
  }

  public CallRecordBuilder costUsd(BigDecimal value) {
    this.costUsd = value;
    this.priced = value != null;
    return this;
  }

  public CallRecordBuilder latencyMs(double value) {
    this.latencyMs = value;
    return this;
  }

  public CallRecordBuilder ttftMs(Double value) {
    this.ttftMs = value;
    return this;
  }

  public CallRecordBuilder stream(boolean value) {
    this.stream = value;
    return this;
  }

  public CallRecordBuilder status(CallStatus value) {
    this.status = value;
    return this;
  }

  public CallRecordBuilder httpStatus(int value) {
    this.httpStatus = value;
    return this;
  }

  public CallRecordBuilder errorType(String value) {
    this.errorType = value;
    return this;
  }

  public CallRecordBuilder errorMessage(String value) {
    this.errorMessage = value;
    return this;
  }

  public CallRecordBuilder userId(String value) {
    this.userId = value;
    return this;
  }

  public CallRecordBuilder apiKeyId(String value) {
    this.apiKeyId = value;
    return this;
  }

  public CallRecordBuilder experimentId(String value) {
    this.experimentId = value;
    return this;
  }

  public CallRecordBuilder variant(String value) {
    this.variant = value;
    return this;
  }

  public CallRecordBuilder guardActions(String value) {
    this.guardActions = value;
    return this;
  }

  public CallRecordBuilder metadata(Map<String, String> value) {
    this.metadata = value;
    return this;
  }

  public CallRecord build() {
    return new CallRecord(
        requestId,
        timestamp,
        endpoint,
        provider,
        model,
        responseModel,
        promptTemplate,
        templateVersion,
        promptHash,
        inputTokens,
        outputTokens,
        cachedInputTokens,
        cacheWriteTokens,
        reasoningTokens,
        usageSource,
        costUsd,
        priced,
        latencyMs,
        ttftMs,
        stream,
        status,
        httpStatus,
        errorType,
        errorMessage,
        userId,
        apiKeyId,
        experimentId,
        variant,
        guardActions,
        metadata);
  }
}
