package dev.lookout.cli.drift;

import dev.lookout.store.duckdb.DuckDbCallStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** The data folder of a stopped gateway, whose store the drift commands read but never create. */
final class StoreFolder {
  private StoreFolder() {}

  /**
   * Checks that {@code folder} contains a store. Opening one creates it, so a mistyped {@code
   * --data} would otherwise leave an empty store behind.
   *
   * @param otherwise what else the user may pass, such as {@code ", or --gateway URL"}, or empty
   * @throws IllegalArgumentException if the folder has no store file
   */
  static void requireStore(Path folder, String otherwise) {
    if (!Files.isRegularFile(folder.resolve(DuckDbCallStore.FILE_NAME))) {
      throw new IllegalArgumentException(
          "No store at "
              + folder.toAbsolutePath()
              + " (no "
              + DuckDbCallStore.FILE_NAME
              + "); pass --data DIR where lookout serve keeps its store"
              + otherwise);
    }
  }
}
