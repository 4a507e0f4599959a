package dev.lookout.core.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** The calendar periods a budget resets on, in UTC. */
public enum BudgetPeriod {
  DAILY,
  MONTHLY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the key of the period that contains {@code at}, for example 2026-12-04 or 2026-12. */
  public String keyOf(Instant at) {
    LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return this == DAILY ? date.toString() : date.toString().substring(0, 7);
  }

  /** Returns the start of the period that contains {@code at}. */
  public Instant startOf(Instant at) {
    LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
    LocalDate start = this == DAILY ? date : date.withDayOfMonth(1);
    return start.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Returns the start of the next period, when the spend resets. */
  public Instant resetAfter(Instant at) {
    LocalDate start = LocalDate.ofInstant(startOf(at), ZoneOffset.UTC);
    LocalDate next = this == DAILY ? start.plusDays(1) : start.plusMonths(1);
    return next.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
