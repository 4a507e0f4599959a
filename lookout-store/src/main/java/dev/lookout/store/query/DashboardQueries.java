package dev.lookout.store.query;

import dev.lookout.core.record.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The aggregations behind the dashboard, computed by the store's query engine so that only
 * aggregates, or one page of calls, travel back. Breakdowns are {@code CallStore.report}, the query
 * behind {@code lookout report}, so both show the same numbers.
 *
 * <p>Every method may block on the store and throws {@code StoreException} on failure.
 */
public interface DashboardQueries {

  /**
   * Returns one bucket per {@code bucket} of time since {@code since} that has calls, oldest first.
   */
  List<TimeBucket> timeSeries(Instant since, Duration bucket);

  /** Returns one page of calls that match {@code filter}, newest first. */
  List<CallRecord> calls(CallFilter filter);

  /**
   * Returns the guard actions since {@code since} per bucket, guard, direction, action and reason.
   */
  List<GuardCount> guardCounts(Instant since, Duration bucket);
}
