package dev.lookout.store.duckdb;

import dev.lookout.store.report.GroupBy;
import dev.lookout.store.report.Report;
import dev.lookout.store.report.ReportGroup;
import dev.lookout.store.report.ReportQuery;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The report queries: DuckDB computes every sum and percentile, so a report over millions of rows
 * reads only the aggregates back.
 */
final class ReportSql {
  private static final String AGGREGATES =
      "count(*), "
          + "count(*) FILTER (WHERE status <> 'success'), "
          + "coalesce(sum(input_tokens), 0), "
          + "coalesce(sum(output_tokens), 0), "
          // sum over DECIMAL(38,12) stays DECIMAL(38,12), so the total is exact.
          + "coalesce(sum(cost_usd), 0), "
          + "quantile_cont(latency_ms, [0.5, 0.95, 0.99]), "
          + "count(*) FILTER (WHERE cost_usd IS NULL AND input_tokens IS NOT NULL)";

  private ReportSql() {}

  static Report run(Connection connection, ReportQuery query) throws SQLException {
    String where = query.since() == null ? "" : " WHERE \"timestamp\" >= epoch_ms(?::BIGINT)";
    String keyExpression =
        "coalesce(" + column(query.by()) + ", '" + ReportGroup.NONE_KEY + "') AS group_key";
    String groupsSql =
        "SELECT "
            + keyExpression
            + ", "
            + AGGREGATES
            + " FROM "
            + CallsTable.NAME
            + where
            + " GROUP BY group_key ORDER BY 6 DESC, 2 DESC, group_key";
    String totalSql = "SELECT NULL, " + AGGREGATES + " FROM " + CallsTable.NAME + where;

    List<ReportGroup> groups = new ArrayList<>();
    try (PreparedStatement statement = prepare(connection, groupsSql, query);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        groups.add(readGroup(rows));
      }
    }
    try (PreparedStatement statement = prepare(connection, totalSql, query);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return new Report(groups, readGroup(rows));
    }
  }

  private static String column(GroupBy by) {
    return switch (by) {
      case MODEL -> "model";
      case TEMPLATE -> "prompt_template";
      case USER -> "user_id";
      case STATUS -> "status";
      case API_KEY -> "api_key_id";
    };
  }

  private static PreparedStatement prepare(Connection connection, String sql, ReportQuery query)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    if (query.since() != null) {
      statement.setLong(1, query.since().toEpochMilli());
    }
    return statement;
  }

  private static ReportGroup readGroup(ResultSet row) throws SQLException {
    BigDecimal cost = row.getBigDecimal(6);
    double[] percentiles = readPercentiles(row.getArray(7));
    return new ReportGroup(
        row.getString(1),
        row.getLong(2),
        row.getLong(3),
        row.getLong(4),
        row.getLong(5),
        cost,
        percentiles[0],
        percentiles[1],
        percentiles[2],
        row.getLong(8));
  }

  /** Returns p50, p95 and p99, or three NaNs when the group had no rows. */
  private static double[] readPercentiles(Array array) throws SQLException {
    double[] result = {Double.NaN, Double.NaN, Double.NaN};
    if (array == null) {
      return result;
    }
    Object[] values = (Object[]) array.getArray();
    for (int i = 0; i < result.length; i++) {
      if (values[i] != null) {
        result[i] = ((Number) values[i]).doubleValue();
      }
    }
    return result;
  }
}
