package dev.lookout.store.query;

import java.time.Instant;

/**
 * Which calls the call log lists. A null field does not filter.
 *
 * @param since earliest call start, inclusive
 * @param until latest call start, exclusive
 * @param model the model as requested, exact match
 * @param status call status, for example {@code success} or {@code filtered}
 * @param userId end user id, exact match
 * @param template prompt template name, exact match
 * @param experimentId experiment id, exact match
 * @param before request id of the last call of the previous page; the page starts after it in the
 *     newest-first order
 * @param limit most calls returned, 1 to {@link #MAX_LIMIT}
 */
public record CallFilter(
    Instant since,
    Instant until,
    String model,
    String status,
    String userId,
    String template,
    String experimentId,
    String before,
    int limit) {

  /** Largest page of the call log. */
  public static final int MAX_LIMIT = 500;

  public CallFilter {
    // One row more than a page: callers ask for it to learn whether another page follows.
    if (limit < 1 || limit > MAX_LIMIT + 1) {
      throw new IllegalArgumentException(
          "Invalid limit " + limit + ": it must be between 1 and " + (MAX_LIMIT + 1));
    }
  }
}
