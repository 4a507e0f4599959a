package dev.lookout.store.duckdb;

import dev.lookout.core.record.CallRecord;
import dev.lookout.store.query.CallFilter;
import dev.lookout.store.query.DashboardQueries;
import dev.lookout.store.query.GuardCount;
import dev.lookout.store.query.TimeBucket;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DashboardQueries} over the {@code calls} table of a {@link DuckDbCallStore}. Time buckets
 * come from DuckDB's {@code time_bucket}, percentiles from {@code quantile_cont}, and guard actions
 * are unnested from their stored JSON by {@code from_json}.
 */
public final class DuckDbDashboardQueries implements DashboardQueries {
  private static final String GUARD_ACTIONS_TYPE =
      "'[{\"guard\":\"VARCHAR\",\"direction\":\"VARCHAR\",\"action\":\"VARCHAR\","
          + "\"reasons\":[\"VARCHAR\"]}]'";

  private final DuckDbCallStore store;

  public DuckDbDashboardQueries(DuckDbCallStore store) {
    this.store = store;
  }

  @Override
  public List<TimeBucket> timeSeries(Instant since, Duration bucket) {
    String sql =
        "SELECT epoch_ms(time_bucket(to_milliseconds(?::BIGINT), \"timestamp\"::TIMESTAMP)) AS bucket,"
            + " count(*), count(*) FILTER (WHERE status <> 'success'),"
            + " coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0),"
            + " coalesce(sum(cost_usd), 0), quantile_cont(latency_ms, [0.5, 0.95, 0.99])"
            + " FROM "
            + CallsTable.NAME
            + " WHERE \"timestamp\" >= epoch_ms(?::BIGINT) GROUP BY bucket ORDER BY bucket";
    return store.read(
        "Reading the time series since " + since,
        connection -> {
          List<TimeBucket> buckets = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, bucket.toMillis());
            statement.setLong(2, since.toEpochMilli());
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                double[] percentiles = percentiles(rows.getArray(7));
                buckets.add(
                    new TimeBucket(
                        Instant.ofEpochMilli(rows.getLong(1)),
                        rows.getLong(2),
                        rows.getLong(3),
                        rows.getLong(4),
                        rows.getLong(5),
                        rows.getBigDecimal(6),
                        percentiles[0],
                        percentiles[1],
                        percentiles[2]));
              }
            }
          }
          return buckets;
        });
  }

  @Override
  public List<CallRecord> calls(CallFilter filter) {
    CallListSql sql = CallListSql.of(filter);
    return store.read(
        "Listing calls",
        connection -> {
          List<CallRecord> records = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
            sql.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                records.add(CallRecordRows.read(rows));
              }
            }
          }
          return records;
        });
  }

  @Override
  public List<GuardCount> guardCounts(Instant since, Duration bucket) {
    // One row per call, guard verdict and reason; a reason's measured value ("score=0.98") is
    // dropped so reasons group into a few series.
    String sql =
        "WITH actions AS ("
            + " SELECT request_id, time_bucket(to_milliseconds(?::BIGINT), \"timestamp\"::TIMESTAMP) AS bucket,"
            + " unnest(from_json(guard_actions, "
            + GUARD_ACTIONS_TYPE
            + ")) AS a FROM "
            + CallsTable.NAME
            + " WHERE guard_actions IS NOT NULL AND \"timestamp\" >= epoch_ms(?::BIGINT)),"
            + " reasons AS (SELECT request_id, bucket, a.guard AS guard, a.direction AS direction,"
            + " a.action AS action,"
            + " unnest(CASE WHEN len(a.reasons) = 0 THEN [a.guard] ELSE a.reasons END) AS reason"
            + " FROM actions)"
            + " SELECT epoch_ms(bucket), guard, direction, action, split_part(reason, '=', 1) AS r,"
            + " count(DISTINCT request_id) FROM reasons"
            + " WHERE action <> 'pass'"
            + " GROUP BY ALL ORDER BY 1, 2, 3, 4, 5";
    return store.read(
        "Counting guard actions since " + since,
        connection -> {
          List<GuardCount> counts = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, bucket.toMillis());
            statement.setLong(2, since.toEpochMilli());
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                counts.add(
                    new GuardCount(
                        Instant.ofEpochMilli(rows.getLong(1)),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getLong(6)));
              }
            }
          }
          return counts;
        });
  }

  /** Returns p50, p95 and p99, with NaN for a missing value. */
  static double[] percentiles(Array array) throws SQLException {
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
