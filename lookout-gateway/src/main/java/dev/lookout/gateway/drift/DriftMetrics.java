package dev.lookout.gateway.drift;

import dev.lookout.gateway.metrics.LabelCap;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Drift metrics, read from the monitor's published statuses at scrape time. A template served by
 * several models reports the largest distance and the worst state among them.
 */
final class DriftMetrics {
  private DriftMetrics() {}

  static void register(
      PrometheusRegistry registry,
      LabelCap templates,
      Supplier<Collection<DriftStatus>> statuses,
      LongSupplier dropped,
      LongSupplier queued) {
    GaugeWithCallback.builder()
        .name("llm_output_drift_distance")
        .help(
            "Cosine distance between the centroids of the baseline's and the last window's"
                + " response embeddings")
        .labelNames("prompt_template")
        .callback(
            callback ->
                byTemplate(statuses.get(), templates, true)
                    .forEach((template, value) -> callback.call(value, template)))
        .register(registry);
    GaugeWithCallback.builder()
        .name("llm_output_drift_state")
        .help("Drift state of a prompt template: 0 cold start, 1 stable, 2 drifted")
        .labelNames("prompt_template")
        .callback(
            callback ->
                byTemplate(statuses.get(), templates, false)
                    .forEach((template, value) -> callback.call(value, template)))
        .register(registry);
    CounterWithCallback.builder()
        .name("lookout_drift_samples_dropped_total")
        .help(
            "Sampled responses dropped: the drift queue was full, too many templates were"
                + " tracked, or embedding their batch failed")
        .callback(callback -> callback.call(dropped.getAsLong()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("lookout_drift_samples_queued")
        .help("Sampled responses waiting to be embedded")
        .callback(callback -> callback.call(queued.getAsLong()))
        .register(registry);
  }

  private static Map<String, Double> byTemplate(
      Collection<DriftStatus> statuses, LabelCap templates, boolean distance) {
    Map<String, Double> values = new HashMap<>();
    for (DriftStatus status : statuses) {
      double value;
      if (distance) {
        if (status.lastCheck() == null) {
          continue;
        }
        value = status.lastCheck().result().distance();
      } else {
        value = status.state().gaugeValue();
      }
      values.merge(templates.apply(status.key().promptTemplate()), value, Math::max);
    }
    return values;
  }
}
