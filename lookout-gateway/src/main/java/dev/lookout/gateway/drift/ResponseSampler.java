package dev.lookout.gateway.drift;

/** Receives the text of successful responses for drift detection; runs on the event loop. */
@FunctionalInterface
public interface ResponseSampler {
  /** A sampler that keeps nothing, for gateways without drift detection. */
  ResponseSampler NONE = (template, model, text) -> {};

  /**
   * Offers one response. Must return at once: it may only decide, copy a reference and enqueue.
   *
   * @param template the call's prompt template, or null
   * @param model the model the call asked for
   * @param text the response's output text
   */
  void offer(String template, String model, String text);
}
