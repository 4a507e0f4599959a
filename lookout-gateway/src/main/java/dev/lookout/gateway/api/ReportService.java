package dev.lookout.gateway.api;

/** Produces the report the CLI prints, for {@code GET /api/v1/report}; may block on the store. */
@FunctionalInterface
public interface ReportService {
  /**
   * Returns the report as JSON.
   *
   * @param since how far back to look, for example {@code 24h}
   * @param by grouping: {@code model}, {@code template}, {@code user} or {@code status}
   * @throws IllegalArgumentException if a parameter is invalid; the message names it and the fix
   */
  String reportJson(String since, String by);
}
