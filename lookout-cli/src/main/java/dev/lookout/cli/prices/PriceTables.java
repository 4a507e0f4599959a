package dev.lookout.cli.prices;

import dev.lookout.core.pricing.PriceTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads the price table that the {@code --prices FILE} option of a command selects. */
public final class PriceTables {
  private PriceTables() {}

  /**
   * Returns the built-in table, or {@code file} (Lookout's or LiteLLM's format) merged over it when
   * {@code file} is not null, so the file's entries replace the built-in ones of the same name.
   *
   * @throws IllegalArgumentException when the file is invalid, naming the file and entry
   * @throws UncheckedIOException when the file cannot be read
   */
  public static PriceTable load(Path file) {
    if (file == null) {
      return PriceTable.builtIn();
    }
    if (file.toString().isBlank()) {
      throw new IllegalArgumentException(
          "The price file path is empty; give --prices, LOOKOUT_PRICES or prices: a JSON file,"
              + " or leave it out for the built-in table");
    }
    if (java.nio.file.Files.isDirectory(file)) {
      throw new IllegalArgumentException(
          "Price file " + file + " is a folder; give the path of a JSON price file");
    }
    try {
      return PriceTable.load(file).mergedOver(PriceTable.builtIn());
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException(
          "Price file " + file + " does not exist; check the path given to --prices or prices:", e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Failed to read price file " + file + ": " + e.getMessage(), e);
    }
  }
}
