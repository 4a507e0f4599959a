package dev.lookout.cli.prices;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that read the price table: output format and a user table. */
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
}
