package dev.lookout.cli.prices;

import java.util.Locale;
import picocli.CommandLine;

/** The {@code --format} values of the pricing commands: {@code table} and {@code json}. */
public final class OutputFormat {
  private OutputFormat() {}

  /**
   * Returns whether {@code format} selects JSON output.
   *
   * @throws CommandLine.ParameterException when {@code format} is neither table nor json
   */
  public static boolean isJson(CommandLine.Model.CommandSpec spec, String format) {
    String name = format == null ? "" : format.toLowerCase(Locale.ROOT);
    if (name.equals("json")) {
      return true;
    }
    if (name.equals("table")) {
      return false;
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(), "--format: invalid value '" + format + "'; use table or json");
  }
}
