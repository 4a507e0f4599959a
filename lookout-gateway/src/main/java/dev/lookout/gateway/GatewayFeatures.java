package dev.lookout.gateway;

import dev.lookout.gateway.dashboard.DashboardSettings;
import dev.lookout.gateway.drift.DriftMonitor;
import dev.lookout.gateway.experiment.ExperimentSettings;
import dev.lookout.gateway.payload.PayloadCapture;

/**
 * The optional parts of a gateway, each off in {@link #none()}, so that adding a feature does not
 * add another {@code GatewayServer.start} overload.
 *
 * @param dashboard who may read the dashboard at {@code /ui/} and its {@code /api/v1} routes
 * @param experiments the prompt experiments the gateway assigns and analyses
 * @param capture which request and response bodies go to the payload store
 * @param drift the drift monitor fed with sampled responses, or null when drift is off
 */
public record GatewayFeatures(
    DashboardSettings dashboard,
    ExperimentSettings experiments,
    PayloadCapture capture,
    DriftMonitor drift) {

  /** Returns a set with every optional feature off. */
  public static GatewayFeatures none() {
    return new GatewayFeatures(
        DashboardSettings.none(), ExperimentSettings.none(), PayloadCapture.off(), null);
  }

  /** Returns these features with other dashboard settings. */
  public GatewayFeatures withDashboard(DashboardSettings value) {
    return new GatewayFeatures(value, experiments, capture, drift);
  }

  /** Returns these features with other experiments. */
  public GatewayFeatures withExperiments(ExperimentSettings value) {
    return new GatewayFeatures(dashboard, value, capture, drift);
  }

  /** Returns these features with another payload capture. */
  public GatewayFeatures withCapture(PayloadCapture value) {
    return new GatewayFeatures(dashboard, experiments, value, drift);
  }

  /** Returns these features with another drift monitor, or null for none. */
  public GatewayFeatures withDrift(DriftMonitor value) {
    return new GatewayFeatures(dashboard, experiments, capture, value);
  }
}
