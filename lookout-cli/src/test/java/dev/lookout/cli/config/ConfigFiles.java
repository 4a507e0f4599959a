package dev.lookout.cli.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Configuration files written for a test. */
final class ConfigFiles {
  private ConfigFiles() {}

  /** Writes {@code yaml} to {@code lookout.yaml} in {@code dir} and returns flags that name it. */
  static ServeOptions flagsFor(Path dir, String yaml) throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(file, yaml);
    ServeOptions options = new ServeOptions();
    options.config = file;
    return options;
  }
}
