package dev.lookout.store.report;

import java.time.Instant;
import java.util.Objects;

/**
 * Which records a report covers and how it groups them.
 *
 * @param since earliest call timestamp included (inclusive, millisecond precision), or null for
 *     every stored record
 * @param by the field whose values form the groups
 */
public record ReportQuery(Instant since, GroupBy by) {

  public ReportQuery {
    Objects.requireNonNull(by, "ReportQuery.by must not be null");
  }
}
