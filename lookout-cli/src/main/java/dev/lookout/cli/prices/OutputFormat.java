package dev.lookout.cli.prices;

import java.util.Locale;

/** The {@code --format} values of the commands that print a table or JSON. */
public final class OutputFormat {
  private OutputFormat() {}

  /**
   * Returns whether {@code format} selects JSON output, ignoring case and surrounding spaces.
   *
   * @throws IllegalArgumentException when {@code format} is neither table nor json
   */
  public static boolean isJson(String format) {
    String name = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
    if (name.equals("json")) {
      return true;
    }
    if (name.equals("table")) {
      return false;
    }
    throw new IllegalArgumentException("--format must be table or json, got '" + format + "'");
  }
}
