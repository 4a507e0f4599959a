package dev.lookout.store.report;

import java.util.Locale;

/** The call record field whose values split a report into groups. */
public enum GroupBy {
  /** The model as requested. */
  MODEL,
  /** The prompt template name. */
  TEMPLATE,
  /** The end user id. */
  USER,
  /** The call status ({@code success}, {@code error}, ...). */
  STATUS,
  /** The id of the Lookout key the call came with, never the key itself. */
  API_KEY;

  /** Returns the lower-case name used on the command line and in the JSON API. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code model}, {@code template}, {@code user}, {@code status} or {@code api_key},
   * ignoring case.
   *
   * @throws IllegalArgumentException if {@code value} is none of them
   */
  public static GroupBy parse(String value) {
    if (value != null) {
      for (GroupBy groupBy : values()) {
        if (groupBy.wireName().equalsIgnoreCase(value.trim())) {
          return groupBy;
        }
      }
    }
    throw new IllegalArgumentException(
        "Invalid group-by '" + value + "': expected one of model, template, user, status, api_key");
  }
}
