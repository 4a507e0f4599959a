package dev.lookout.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.core.pricing.PriceQuote;
import dev.lookout.core.pricing.PriceTable;
import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallRecordBuilder;
import dev.lookout.core.record.CallStatus;
import dev.lookout.core.usage.StreamAccumulator;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.gateway.CallSink;
import dev.lookout.gateway.access.AccessPolicy;
import dev.lookout.gateway.drift.ResponseSampler;
import dev.lookout.gateway.error.ErrorBody;
import dev.lookout.gateway.error.GatewayError;
import dev.lookout.gateway.metrics.GatewayMetrics;
import dev.lookout.gateway.payload.CapturedCall;
import dev.lookout.gateway.payload.PayloadCapture;
import dev.lookout.gateway.payload.StreamedResponse;
import dev.lookout.store.payload.CaptureMode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a finished call into a record: prices its usage, observes metrics and hands the record to
 * the sink. Runs on the event loop; the sink must not block.
 */
public final class CallFinisher {
  private static final Logger LOG = LoggerFactory.getLogger(CallFinisher.class);

  /** Most distinct unpriced models warned about; later ones are only counted in metrics. */
  private static final int MAX_UNPRICED_WARNINGS = 1000;

  private static final int MAX_ERROR_TYPE_CHARS = 64;

  /** Costs from here up do not fit the store's DECIMAL(38,12) column. */
  private static final BigDecimal MAX_COST_USD = new BigDecimal("1e26");

  private static final java.util.regex.Pattern ERROR_TYPE =
      java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+");

  private final CallSink sink;
  private final GatewayMetrics metrics;
  private final PriceTable prices;
  private final UsageEstimator estimator;
  private final AtomicInteger inFlight;
  private final AccessPolicy access;
  private final UnaryOperator<String> storageRedactor;
  private final PayloadCapture capture;
  private final ResponseSampler driftSampler;
  private final Set<String> unpricedModels = ConcurrentHashMap.newKeySet();

  public CallFinisher(
      CallSink sink,
      GatewayMetrics metrics,
      PriceTable prices,
      UsageEstimator estimator,
      AtomicInteger inFlight,
      AccessPolicy access,
      UnaryOperator<String> storageRedactor) {
    this(
        sink,
        metrics,
        prices,
        estimator,
        inFlight,
        access,
        storageRedactor,
        PayloadCapture.off(),
        ResponseSampler.NONE);
  }

  public CallFinisher(
      CallSink sink,
      GatewayMetrics metrics,
      PriceTable prices,
      UsageEstimator estimator,
      AtomicInteger inFlight,
      AccessPolicy access,
      UnaryOperator<String> storageRedactor,
      PayloadCapture capture,
      ResponseSampler driftSampler) {
    this.capture = capture;
    this.sink = sink;
    this.metrics = metrics;
    this.prices = prices;
    this.estimator = estimator;
    this.inFlight = inFlight;
    this.access = access;
    this.storageRedactor = storageRedactor;
    this.driftSampler = driftSampler;
  }

  private volatile boolean stopping;
  private volatile boolean cutting;

  /** Notes that the gateway is stopping, so calls cut from now on are not blamed on clients. */
  public void markStopping() {
    stopping = true;
  }

  /**
   * Notes that the shutdown grace ran out and the gateway now closes the connections of the calls
   * still open, upstream ones included.
   */
  public void markCutting() {
    cutting = true;
  }

  boolean stopping() {
    return stopping;
  }

  /** Returns whether an upstream response that ends from now on may have been ended by the stop. */
  boolean cutting() {
    return cutting;
  }

  /** Counts a call as started and returns the number of calls in flight, this one included. */
  int started() {
    metrics.callStarted();
    return inFlight.incrementAndGet();
  }

  /** Returns a stream's usage, a cut Anthropic stream's placeholder output replaced. */
  Optional<TokenUsage> streamUsage(CallContext call, StreamAccumulator stream) {
    return estimator.streamUsage(call.model, stream);
  }

  /** Records a call that Lookout rejected with one of its own errors. */
  void rejected(CallContext call, GatewayError error, String message) {
    if (!call.finish()) {
      return;
    }
    CallRecordBuilder builder =
        builder(call, error.callStatus(), error.httpStatus())
            .errorType(error.code())
            .errorMessage(storageRedactor.apply(Secrets.scrub(message)));
    call.responseBody =
        call.endpoint.anthropic()
            ? ErrorBody.anthropic(error, Secrets.scrub(message))
            : ErrorBody.of(error, Secrets.scrub(message));
    call.responseEncoding = null;
    call.streamed = null;
    publish(call, builder.build());
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
    // The upstream names this model, so it gets the request's length limit before it is stored.
    if (responseModel != null && responseModel.length() > ProxyHandler.MAX_MODEL_CHARS) {
      responseModel = responseModel.substring(0, ProxyHandler.MAX_MODEL_CHARS);
    }
    CallRecordBuilder builder =
        builder(call, status, httpStatus)
            .responseModel(redacted(responseModel))
            .errorType(cleanErrorType(errorType, httpStatus))
            .errorMessage(
                errorMessage == null ? null : storageRedactor.apply(Secrets.scrub(errorMessage)));
    // A call that streamed some output before it failed was still billed for it.
    boolean billed =
        status == CallStatus.SUCCESS
            || status == CallStatus.CANCELLED
            || (outputText != null && !outputText.isEmpty());
    if (usage.isPresent() || billed) {
      try {
        TokenUsage tokens =
            usage.orElseGet(
                () -> estimator.estimate(call.endpoint, call.model, call.requestBody, outputText));
        // Set before pricing, so a price that fails to compute loses the cost, not the tokens.
        builder.usage(tokens);
        BigDecimal cost = price(call.model, responseModel, tokens);
        if (cost != null && cost.compareTo(MAX_COST_USD) >= 0) {
          LOG.error(
              "pricing: request {} costs {} USD, more than the store holds; recorded unpriced."
                  + " Check the prices of model '{}'",
              call.requestId,
              cost.toPlainString(),
              redacted(call.model));
          cost = null;
        }
        builder.costUsd(cost);
        access.charge(call.owner, cost, call.timestamp);
      } catch (RuntimeException e) {
        // Whatever the provider sent, the call is recorded and leaves the in-flight count.
        LOG.error(
            "proxy: request {} usage or cost could not be computed; recorded without the value that failed",
            call.requestId,
            e);
      }
    }
    CallRecord record = builder.build();
    publish(call, record);
    if (status == CallStatus.SUCCESS && outputText != null && !outputText.isEmpty()) {
      // The drift store keeps and logs these names, so it gets the redacted ones.
      driftSampler.offer(record.promptTemplate(), record.model(), outputText);
    }
  }

  /**
   * Returns the call's record builder with its free-text fields passed through the storage
   * redactor: the caller's user id, the metadata keys and values, the template name and version,
   * and the model names. A caller may fill any of them with personal data (an e-mail address as
   * user id is common). A user id named in the access configuration is stored as configured,
   * because budgets are rebuilt from the store under that id.
   */
  private CallRecordBuilder builder(CallContext call, CallStatus status, int httpStatus) {
    CallRecordBuilder builder = call.recordBuilder(status, httpStatus);
    String user =
        call.owner != null
            ? call.owner.userId()
            : call.attribution == null ? null : call.attribution.user();
    if (user != null && !access.isConfiguredUser(user)) {
      builder.userId(storageRedactor.apply(user));
    }
    builder.model(redacted(call.model));
    if (call.attribution != null) {
      builder.promptTemplate(redacted(call.attribution.template()));
      builder.templateVersion(redacted(call.attribution.templateVersion()));
      if (!call.attribution.metadata().isEmpty()) {
        builder.metadata(redactedMetadata(call.attribution.metadata()));
      }
    }
    return builder;
  }

  /** Returns {@code text} passed through the storage redactor, or null for null. */
  private String redacted(String text) {
    return text == null ? null : storageRedactor.apply(text);
  }

  /**
   * Returns {@code metadata} with keys and values redacted. Keys that redact to the same text, as
   * two e-mail addresses do, keep both entries: a later one gets {@code #2}, {@code #3} appended.
   */
  private Map<String, String> redactedMetadata(Map<String, String> metadata) {
    Map<String, String> redacted = new LinkedHashMap<>();
    metadata.forEach(
        (key, value) -> {
          String redactedKey = storageRedactor.apply(key);
          String unique = redactedKey;
          for (int n = 2; redacted.containsKey(unique); n++) {
            unique = redactedKey + "#" + n;
          }
          redacted.put(unique, storageRedactor.apply(value));
        });
    return redacted;
  }

  /**
   * Returns the provider's error name when it is a short identifier, else {@code http_<status>}:
   * the value becomes a metric label and a stored column, so it must not carry free text such as an
   * echoed key.
   */
  static String cleanErrorType(String errorType, int httpStatus) {
    if (errorType == null) {
      return null;
    }
    if (errorType.length() <= MAX_ERROR_TYPE_CHARS && ERROR_TYPE.matcher(errorType).matches()) {
      return errorType;
    }
    return "http_" + httpStatus;
  }

  /**
   * Prices by the model named in the response, else by the one requested. When the requested model
   * resolves to a provider's entry ({@code azure/gpt-4o}, through a prefix or an alias) and the
   * response names a bare model, as Azure always does, the response's model is tried under that
   * provider first: Azure's prices differ from OpenAI's for the same snapshot.
   */
  private BigDecimal price(String model, String responseModel, TokenUsage usage) {
    if (responseModel != null && !responseModel.isEmpty()) {
      String provider = providerPrefix(model);
      if (provider != null && !responseModel.startsWith(provider)) {
        Optional<BigDecimal> cost = prices.cost(provider + responseModel, usage);
        if (cost.isPresent()) {
          return cost.get();
        }
      }
      Optional<BigDecimal> cost = prices.cost(responseModel, usage);
      if (cost.isPresent()) {
        return cost.get();
      }
    }
    PriceQuote quote = prices.quote(model, usage, false);
    if (!quote.priced()) {
      warnUnpriced(model, quote);
    }
    return quote.costUsd();
  }

  /**
   * Returns the provider prefix, slash included, of the entry {@code model} resolves to, such as
   * {@code "azure/"}; null when it resolves to none or to an unprefixed entry.
   */
  private String providerPrefix(String model) {
    Optional<String> resolved = prices.resolvedName(model);
    if (resolved.isEmpty()) {
      return null;
    }
    int slash = resolved.get().indexOf('/');
    return slash > 0 ? resolved.get().substring(0, slash + 1) : null;
  }

  private void warnUnpriced(String model, PriceQuote quote) {
    // Bounded so that a client sending random model names cannot grow this set without end.
    // Once per model, and once per missing rate of a listed model.
    String raw = String.valueOf(model);
    String key = quote.price() == null ? raw : raw + " " + quote.unpricedReason();
    if (unpricedModels.size() < MAX_UNPRICED_WARNINGS && unpricedModels.add(key)) {
      // The log gets the stored form of the name, which a caller may have filled with personal
      // data.
      String name = String.valueOf(redacted(model));
      // A provider's listing of the same model (groq/openai/gpt-oss-120b for openai/gpt-oss-120b)
      // is the likelier fix than a new price.
      if (quote.price() != null) {
        // Listed, but without a rate this call needs (cache reads, 1-hour cache writes).
        LOG.warn(
            "pricing: a call to model '{}' is recorded with cost_usd null: {}",
            name,
            quote.unpricedReason());
        return;
      }
      String suffix = "/" + raw.toLowerCase(Locale.ROOT);
      String fix =
          prices.models().stream()
              .map(price -> price.model())
              .filter(listed -> listed.toLowerCase(Locale.ROOT).endsWith(suffix))
              .findFirst()
              .map(
                  listed ->
                      "if it is "
                          + listed
                          + ", map it with model_aliases ("
                          + name
                          + ": "
                          + listed
                          + "); otherwise add it to a prices file (--prices FILE)")
              .orElse("add it to a prices file (--prices FILE)");
      LOG.warn(
          "pricing: model '{}' has no price, so its calls are recorded with cost_usd null; {}",
          name,
          fix);
    }
  }

  private void publish(CallContext call, CallRecord record) {
    inFlight.decrementAndGet();
    call.releaseBody();
    metrics.callFinished(record);
    sink.offer(record);
    capture(call, record);
  }

  /**
   * Queues the call's bodies for the payload store when its capture mode and sample rate select it.
   */
  private void capture(CallContext call, CallRecord record) {
    // Capture settings name templates as the caller sent them, before redaction.
    String template = call.attribution == null ? null : call.attribution.template();
    CaptureMode mode = capture.decide(template, call.requestId);
    if (mode == CaptureMode.OFF) {
      return;
    }
    capture.offer(
        new CapturedCall(
            call.requestId,
            call.timestamp,
            record.stream(),
            call.rawRequest,
            call.streamed == null ? call.responseBody : null,
            call.responseEncoding,
            call.streamed == null ? null : StreamedResponse.of(call.streamed, call.delivered)),
        mode);
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
