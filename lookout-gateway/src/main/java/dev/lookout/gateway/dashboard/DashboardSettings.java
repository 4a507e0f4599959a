package dev.lookout.gateway.dashboard;

import dev.lookout.store.CallStore;
import dev.lookout.store.query.DashboardQueries;

/**
 * Data sources and access rule of the dashboard.
 *
 * @param store the call store, for breakdowns (the report query) and single records; null turns the
 *     dashboard's data routes off
 * @param queries the time series, call log and guard queries over the same store
 * @param auth access to {@code /ui} and {@code /api/v1}
 */
public record DashboardSettings(CallStore store, DashboardQueries queries, DashboardAuth auth) {

  /** Returns settings without a store: {@code /ui} pages load, their data routes return 404. */
  public static DashboardSettings none() {
    return new DashboardSettings(null, null, DashboardAuth.none());
  }

  public boolean enabled() {
    return store != null && queries != null;
  }
}
