package dev.lookout.gateway.metrics;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.function.LongSupplier;

/**
 * The gateway's Prometheus metrics. Labels are low in cardinality: model and prompt template are
 * capped by {@link LabelCap}; users, prompts and request ids never become labels.
 */
public final class GatewayMetrics {
  /** Default cap on distinct values of one label. */
  public static final int DEFAULT_LABEL_CAP = 100;

  private static final double[] DURATION_BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300
  };
  private static final double[] TOKEN_BUCKETS = {
    1, 10, 50, 100, 250, 500, 1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final LabelCap models;
  private final LabelCap templates;
  private final LabelCap errorTypes;
  private final Histogram duration;
  private final Histogram timeToFirstToken;
  private final Histogram tokens;
  private final Counter errors;
  private final Gauge inFlight;
  private final Counter cost;
  private final Counter unpriced;

  public GatewayMetrics(int labelCap) {
    this.models = new LabelCap(labelCap);
    this.templates = new LabelCap(labelCap);
    this.errorTypes = new LabelCap(labelCap);
    this.duration =
        Histogram.builder()
            .name("llm_call_duration_seconds")
            .help("Duration of LLM calls through the gateway, from request to last byte")
            .unit(Unit.SECONDS)
            .labelNames("model", "prompt_template")
            .classicUpperBounds(DURATION_BUCKETS)
            .register(registry);
    this.timeToFirstToken =
        Histogram.builder()
            .name("llm_time_to_first_token_seconds")
            .help("Time from request to the first content chunk of a streamed LLM call")
            .unit(Unit.SECONDS)
            .labelNames("model")
            .classicUpperBounds(DURATION_BUCKETS)
            .register(registry);
    this.tokens =
        Histogram.builder()
            .name("llm_tokens_total")
            .help("Tokens per LLM call, by direction (input or output)")
            .labelNames("model", "direction")
            .classicUpperBounds(TOKEN_BUCKETS)
            .register(registry);
    this.errors =
        Counter.builder()
            .name("llm_errors_total")
            .help("LLM calls that did not succeed, by error type")
            .labelNames("model", "error_type")
            .register(registry);
    this.cost =
        Counter.builder()
            .name("llm_cost_usd_total")
            .help(
                "Cost of priced LLM calls in US dollars (a float sum; the store keeps exact values)")
            .labelNames("model", "prompt_template")
            .register(registry);
    this.unpriced =
        Counter.builder()
            .name("lookout_unpriced_calls_total")
            .help("Calls whose model has no price; add the model to a prices file")
            .labelNames("model")
            .register(registry);
    this.inFlight =
        Gauge.builder()
            .name("lookout_calls_in_flight")
            .help("Calls the gateway has received and not yet finished")
            .register(registry);
  }

  /** Registers the recorder's counters, read when Prometheus scrapes. */
  public void registerRecorder(LongSupplier written, LongSupplier dropped, LongSupplier queued) {
    CounterWithCallback.builder()
        .name("lookout_recorder_records_written_total")
        .help("Call records written to the store")
        .callback(callback -> callback.call(written.getAsLong()))
        .register(registry);
    CounterWithCallback.builder()
        .name("lookout_recorder_records_dropped_total")
        .help("Call records dropped because the recorder's queue was full or closed")
        .callback(callback -> callback.call(dropped.getAsLong()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("lookout_recorder_records_queued")
        .help("Call records waiting in the recorder's queue")
        .callback(callback -> callback.call(queued.getAsLong()))
        .register(registry);
  }

  public void callStarted() {
    inFlight.inc();
  }

  /** Observes one finished call; called once per call, on any thread. */
  public void callFinished(CallRecord record) {
    inFlight.dec();
    String model = models.apply(record.model());
    duration
        .labelValues(model, templates.apply(record.promptTemplate()))
        .observe(record.latencyMs() / 1000.0);
    if (record.ttftMs() != null) {
      timeToFirstToken.labelValues(model).observe(record.ttftMs() / 1000.0);
    }
    if (record.inputTokens() != null) {
      tokens.labelValues(model, "input").observe(record.inputTokens());
    }
    if (record.outputTokens() != null) {
      tokens.labelValues(model, "output").observe(record.outputTokens());
    }
    if (record.costUsd() != null) {
      cost.labelValues(model, templates.apply(record.promptTemplate()))
          .inc(record.costUsd().doubleValue());
    } else if (record.inputTokens() != null) {
      unpriced.labelValues(model).inc();
    }
    if (record.status() != CallStatus.SUCCESS) {
      String type = record.errorType() != null ? record.errorType() : record.status().wireName();
      errors.labelValues(model, errorTypes.apply(type)).inc();
    }
  }

  public PrometheusRegistry registry() {
    return registry;
  }
}
