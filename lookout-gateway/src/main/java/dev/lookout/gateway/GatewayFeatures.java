package dev.lookout.gateway;

import dev.lookout.gateway.dashboard.DashboardSettings;
import dev.lookout.gateway.experiment.ExperimentSettings;

/**
 * The optional parts of a gateway, each off in {@link #none()}, so that adding a feature does not
 * add another {@code GatewayServer.start} overload.
 *
 * @param dashboard who may read the dashboard at {@code /ui/} and its {@code /api/v1} routes
 * @param experiments the prompt experiments the gateway assigns and analyses
 */
public record GatewayFeatures(DashboardSettings dashboard, ExperimentSettings experiments) {

  /** Returns a set with every optional feature off. */
  public static GatewayFeatures none() {
    return new GatewayFeatures(DashboardSettings.none(), ExperimentSettings.none());
  }

  /** Returns these features with other dashboard settings. */
  public GatewayFeatures withDashboard(DashboardSettings value) {
    return new GatewayFeatures(value, experiments);
  }

  /** Returns these features with other experiments. */
  public GatewayFeatures withExperiments(ExperimentSettings value) {
    return new GatewayFeatures(dashboard, value);
  }
}
