package dev.lookout.gateway.experiment;

import dev.lookout.core.experiment.Experiment;
import dev.lookout.store.experiment.ExperimentQueries;
import dev.lookout.store.experiment.FeedbackStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Experiments the gateway assigns, and where their feedback and data live.
 *
 * @param experiments configured experiments, in configuration order
 * @param feedback store of feedback scores, or null when the gateway has no store
 * @param queries aggregation queries over the store, or null when the gateway has no store
 * @param flushRecorder writes the records still queued for the store and returns when they are
 *     written or a timeout passed; feedback for an unknown id runs it once before returning 404
 */
public record ExperimentSettings(
    List<Experiment> experiments,
    FeedbackStore feedback,
    ExperimentQueries queries,
    Runnable flushRecorder) {

  public ExperimentSettings {
    experiments = List.copyOf(experiments);
    Map<String, Experiment> seen = new LinkedHashMap<>();
    for (Experiment experiment : experiments) {
      if (seen.put(experiment.id(), experiment) != null) {
        throw new IllegalArgumentException(
            "experiments has two entries with id '" + experiment.id() + "'; ids must be unique");
      }
    }
    if (flushRecorder == null) {
      flushRecorder = () -> {};
    }
  }

  /** Returns settings without experiments or feedback. */
  public static ExperimentSettings none() {
    return new ExperimentSettings(List.of(), null, null, null);
  }

  /** Returns the experiments by id, in configuration order. */
  public Map<String, Experiment> byId() {
    Map<String, Experiment> map = new LinkedHashMap<>();
    experiments.forEach(experiment -> map.put(experiment.id(), experiment));
    return map;
  }
}
