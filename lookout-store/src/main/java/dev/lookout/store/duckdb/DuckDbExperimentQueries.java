package dev.lookout.store.duckdb;

import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.experiment.ExperimentData;
import dev.lookout.core.experiment.MetricKind;
import dev.lookout.core.experiment.stats.SampleSummary;
import dev.lookout.store.StoreException;
import dev.lookout.store.experiment.ExperimentQueries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link ExperimentQueries} over the DuckDB call store: every query returns one row per variant
 * with {@code count}, {@code sum} and {@code sum} of squares, so no call rows reach Java. The
 * feedback table must exist, which {@link DuckDbFeedbackStore#open} ensures.
 */
public final class DuckDbExperimentQueries implements ExperimentQueries {
  private final DuckDbCallStore calls;

  public DuckDbExperimentQueries(DuckDbCallStore calls) {
    this.calls = calls;
  }

  @Override
  public ExperimentData data(Experiment experiment) {
    try (Connection connection = calls.connect()) {
      Map<String, Long> units = units(connection, experiment);
      Map<String, Map<String, SampleSummary>> metrics = new LinkedHashMap<>();
      Map<String, MetricKind> kinds = new LinkedHashMap<>();
      for (String metric : experiment.metrics()) {
        if (BUILT_IN_METRICS.contains(metric)) {
          kinds.put(metric, metric.equals("error") ? MetricKind.RATE : MetricKind.MEAN);
          metrics.put(metric, summaries(connection, experiment, builtIn(metric), null));
        } else {
          String values =
              "SELECT c.variant, f.value AS x FROM "
                  + CallsTable.NAME
                  + " c JOIN (SELECT request_id, arg_max(value, created_at) AS value FROM "
                  + DuckDbFeedbackStore.TABLE
                  + " WHERE name = ? GROUP BY request_id) f USING (request_id)"
                  + window(experiment, "c.");
          Map<String, SampleSummary> summaries = summaries(connection, experiment, values, metric);
          metrics.put(metric, summaries);
          kinds.put(
              metric,
              onlyZeroOne(connection, experiment, values, metric)
                  ? MetricKind.RATE
                  : MetricKind.MEAN);
        }
      }
      return new ExperimentData(units, metrics, kinds);
    } catch (SQLException e) {
      throw new StoreException(
          "Reading the data of experiment '"
              + experiment.id()
              + "' from "
              + calls.file()
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  private static String builtIn(String metric) {
    if (metric.equals("error")) {
      return "SELECT variant, CASE WHEN status = 'success' THEN 0.0 ELSE 1.0 END AS x FROM "
          + CallsTable.NAME
          + " WHERE true";
    }
    return "SELECT variant, CAST("
        + CallsTable.quote(metric)
        + " AS DOUBLE) AS x FROM "
        + CallsTable.NAME
        + " WHERE status = 'success' AND "
        + CallsTable.quote(metric)
        + " IS NOT NULL";
  }

  /** Returns the conditions on experiment id and time window, appended to a WHERE clause. */
  private static String window(Experiment experiment, String alias) {
    StringBuilder sql = new StringBuilder(" WHERE ").append(alias).append("experiment_id = ?");
    sql.append(" AND ").append(alias).append("variant IS NOT NULL");
    if (experiment.start() != null) {
      sql.append(" AND ").append(alias).append("\"timestamp\" >= epoch_ms(?::BIGINT)");
    }
    if (experiment.stop() != null) {
      sql.append(" AND ").append(alias).append("\"timestamp\" < epoch_ms(?::BIGINT)");
    }
    return sql.toString();
  }

  private Map<String, Long> units(Connection connection, Experiment experiment)
      throws SQLException {
    String sql =
        "SELECT variant, count(DISTINCT coalesce(user_id, 'request:' || request_id)) FROM "
            + CallsTable.NAME
            + window(experiment, "")
            + " GROUP BY variant";
    Map<String, Long> units = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bindWindow(statement, 1, experiment);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          units.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return units;
  }

  /**
   * Aggregates {@code values}, a query of (variant, x) rows, per variant. Built-in queries end in a
   * WHERE clause that the window extends; feedback queries take the metric name as first parameter
   * and contain the window already.
   */
  private Map<String, SampleSummary> summaries(
      Connection connection, Experiment experiment, String values, String feedbackName)
      throws SQLException {
    String source =
        feedbackName == null
            ? values + window(experiment, "").replaceFirst(" WHERE ", " AND ")
            : values;
    String sql =
        "SELECT variant, count(x), sum(x), sum(x * x) FROM (" + source + ") GROUP BY variant";
    Map<String, SampleSummary> summaries = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      if (feedbackName != null) {
        statement.setString(index++, feedbackName);
      }
      bindWindow(statement, index, experiment);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          summaries.put(
              rows.getString(1),
              new SampleSummary(rows.getLong(2), rows.getDouble(3), rows.getDouble(4)));
        }
      }
    }
    return summaries;
  }

  private boolean onlyZeroOne(
      Connection connection, Experiment experiment, String values, String feedbackName)
      throws SQLException {
    String sql = "SELECT count(*) FILTER (WHERE x NOT IN (0, 1)) FROM (" + values + ")";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, feedbackName);
      bindWindow(statement, 2, experiment);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1) == 0;
      }
    }
  }

  private static void bindWindow(PreparedStatement statement, int first, Experiment experiment)
      throws SQLException {
    int index = first;
    statement.setString(index++, experiment.id());
    if (experiment.start() != null) {
      statement.setLong(index++, experiment.start().toEpochMilli());
    }
    if (experiment.stop() != null) {
      statement.setLong(index, experiment.stop().toEpochMilli());
    }
  }
}
