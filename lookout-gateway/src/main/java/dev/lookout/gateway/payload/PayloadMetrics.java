package dev.lookout.gateway.payload;

import dev.lookout.store.payload.PayloadWriter;
import dev.lookout.store.payload.SpillingPayloadStore;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Prometheus metrics of payload capture and of the spill folder in front of a remote store. */
public final class PayloadMetrics {
  private PayloadMetrics() {}

  /** Registers the capture counters; a spill store adds its size and age gauges. */
  public static void register(
      PrometheusRegistry registry, PayloadCapture capture, SpillingPayloadStore spill) {
    PayloadWriter writer = capture.writer();
    if (writer != null) {
      CounterWithCallback.builder()
          .name("lookout_payloads_written_total")
          .help("Captured payloads written to the payload store or its spill folder")
          .callback(callback -> callback.call(writer.written()))
          .register(registry);
      CounterWithCallback.builder()
          .name("lookout_payloads_written_bytes_total")
          .help("Compressed bytes of the payloads written")
          .callback(callback -> callback.call(writer.writtenBytes()))
          .register(registry);
      CounterWithCallback.builder()
          .name("lookout_payloads_dropped_total")
          .help("Captured payloads dropped because the capture queue was full")
          .callback(callback -> callback.call(writer.dropped()))
          .register(registry);
      CounterWithCallback.builder()
          .name("lookout_payloads_failed_total")
          .help("Captured payloads that could not be built or stored")
          .callback(callback -> callback.call(writer.failed()))
          .register(registry);
      CounterWithCallback.builder()
          .name("lookout_payloads_sampled_out_total")
          .help("Calls not captured because of the capture sample rate")
          .callback(callback -> callback.call(capture.sampledOut()))
          .register(registry);
      GaugeWithCallback.builder()
          .name("lookout_payloads_queued")
          .help("Captured payloads waiting in the capture queue")
          .callback(callback -> callback.call(writer.queued()))
          .register(registry);
    }
    if (spill != null) {
      GaugeWithCallback.builder()
          .name("lookout_payload_spill_bytes")
          .help("Bytes of payloads in the local spill folder, waiting for the remote store")
          .callback(callback -> callback.call(spill.spillBytes()))
          .register(registry);
      GaugeWithCallback.builder()
          .name("lookout_payload_spill_oldest_age_seconds")
          .help("Age of the oldest payload in the spill folder, 0 when it is empty")
          .callback(callback -> callback.call(spill.oldestAge().toMillis() / 1000.0))
          .register(registry);
      CounterWithCallback.builder()
          .name("lookout_payload_upload_failures_total")
          .help("Failed uploads of spilled payloads, each retried with backoff")
          .callback(callback -> callback.call(spill.uploadFailures()))
          .register(registry);
    }
  }
}
