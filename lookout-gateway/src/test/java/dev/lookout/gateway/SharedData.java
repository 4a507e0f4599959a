package dev.lookout.gateway;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the recorded provider data that sits in {@code shared/data} beside the repository. */
public final class SharedData {
  private SharedData() {}

  /** Returns {@code shared/data/<relative>}, searching upward from the working directory. */
  public static Path path(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return candidate.resolve(relative);
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "No shared/data folder above " + Path.of("").toAbsolutePath() + "; tests need it");
  }
}
