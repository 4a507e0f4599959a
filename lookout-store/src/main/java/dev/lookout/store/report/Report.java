package dev.lookout.store.report;

import java.util.List;
import java.util.Objects;

/**
 * Result of a {@link ReportQuery}.
 *
 * @param groups one entry per group key, highest cost first, then most calls, then by key
 * @param total the same aggregates over every call in the report, with a null key
 */
public record Report(List<ReportGroup> groups, ReportGroup total) {

  public Report {
    groups = List.copyOf(groups);
    Objects.requireNonNull(total, "Report.total must not be null");
  }
}
