package dev.lookout.cli.prices;

import dev.lookout.cli.config.ConfigLoader;
import dev.lookout.core.pricing.PriceTable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that read the price table: output format, a user table and the
 * configuration file whose {@code prices} and {@code model_aliases} the gateway would use.
 */
public final class PriceTableOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table or json (default: table).")
  public String format = "table";

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description =
          "Price file (Lookout or LiteLLM format) whose entries replace the built-in ones.")
  public Path pricesFile;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML configuration file whose prices and model_aliases apply, as in lookout serve"
              + " (default: ./lookout.yaml when it exists).")
  public Path config;

  /**
   * Returns the table {@code lookout serve} would price with under the same options and
   * environment, or fails with a usage error that names the bad file.
   */
  public PriceTable load(CommandLine commandLine) {
    try {
      return new ConfigLoader(System.getenv()).priceTable(pricesFile, config);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }
}
