package dev.lookout.store.experiment;

import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.experiment.ExperimentData;
import java.util.Set;

/**
 * The data of an experiment, aggregated by the store's query engine into counts, sums and sums of
 * squares per variant and metric.
 *
 * <p>Built-in metrics come from the call records: {@code cost_usd}, {@code latency_ms}, {@code
 * ttft_ms}, {@code input_tokens}, {@code output_tokens} and {@code reasoning_tokens} are means over
 * successful calls that have the value, and {@code error} is the rate of calls whose status is not
 * {@code success}. Any other metric name is feedback: the latest value per call, over calls that
 * have feedback of that name, a rate when every value is 0 or 1. Units for the sample-ratio check
 * are distinct users (a call without a user counts as its own unit).
 */
public interface ExperimentQueries {
  /** Names of the metrics read from call records rather than from feedback. */
  Set<String> BUILT_IN_METRICS =
      Set.of(
          "cost_usd",
          "latency_ms",
          "ttft_ms",
          "input_tokens",
          "output_tokens",
          "reasoning_tokens",
          "error");

  /** Returns the data of calls recorded for {@code experiment} within its start and stop. */
  ExperimentData data(Experiment experiment);
}
