package dev.lookout.cli.demo;

import dev.lookout.core.budget.BudgetLedger;
import dev.lookout.core.budget.BudgetLimit;
import dev.lookout.core.budget.BudgetScope;
import dev.lookout.core.drift.DriftSettings;
import dev.lookout.core.drift.MmdTest;
import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.experiment.Variant;
import dev.lookout.gateway.access.AccessSettings;
import dev.lookout.gateway.drift.DriftMonitorSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The experiment, drift and budget settings the demo adds to the user's configuration. */
final class DemoSetup {
  /** Id of the demo's experiment, sent by the replay in {@code x-lookout-experiment}. */
  static final String EXPERIMENT_ID = "demo-tone";

  private DemoSetup() {}

  /**
   * Returns the experiment {@value #EXPERIMENT_ID}: control {@code a} (a neutral system prompt)
   * against {@code b} (a friendly one), half of the users each, decided on {@code thumbs_up} and
   * {@code latency_ms}.
   */
  static Experiment experiment() {
    return new Experiment(
        EXPERIMENT_ID,
        "a",
        List.of(
            new Variant("a", 0.5, "You are a helpful assistant. Answer clearly and completely."),
            new Variant("b", 0.5, "You are a friendly assistant. Answer warmly, in plain words.")),
        List.of("thumbs_up", "latency_ms"),
        null,
        null,
        null);
  }

  /** Returns the experiments with the demo's added, unless one of them already has its id. */
  static List<Experiment> withExperiment(List<Experiment> configured) {
    List<Experiment> experiments = new ArrayList<>(configured);
    if (configured.stream().noneMatch(e -> e.id().equals(EXPERIMENT_ID))) {
      experiments.add(experiment());
    }
    return experiments;
  }

  /**
   * Returns drift settings sized for the bundled traffic, whose template and model pairs have 50 to
   * 155 responses each: a baseline of 50, a window of 30 tested every 10 responses, so a pair is
   * first tested at its 80th response. Every response is sampled; the queue holds all 2,000 of the
   * demo, so the embedder (about 50 to 100 texts per second on 2 cores) falls behind during the
   * replay and catches up within a minute instead of dropping samples.
   */
  static DriftMonitorSettings drift() {
    return new DriftMonitorSettings(
        new DriftSettings(50, 30, DriftSettings.DEFAULT_ALPHA, 10, MmdTest.DEFAULT_PERMUTATIONS),
        1.0,
        2000,
        DriftMonitorSettings.DEFAULT_BATCH_SIZE,
        null);
  }

  /**
   * Returns the access settings with a budget for each of the demo users {@code user-0} to {@code
   * user-4}, unless budgets are configured: 2 USD a day and 50 USD a month, with the alert at 25%.
   * A demo user spends about 0.65 USD over the 2,000 calls, so the soft threshold fires and no call
   * is refused.
   */
  static AccessSettings withBudgets(AccessSettings configured) {
    if (configured.ledger().enabled()) {
      return configured;
    }
    List<BudgetLimit> budgets = new ArrayList<>();
    for (int user = 0; user < 5; user++) {
      budgets.add(
          new BudgetLimit(
              BudgetScope.USER,
              "user-" + user,
              new BigDecimal("2"),
              new BigDecimal("50"),
              new BigDecimal("0.25")));
    }
    return new AccessSettings(configured.keys(), new BudgetLedger(budgets), configured.webhook());
  }
}
