package dev.lookout.cli.config;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config} and {@code --data} flags of commands that read a stopped gateway's stores,
 * so they find the same folder and payload store as {@code lookout serve}.
 */
public final class StoreOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration file (default: ./lookout.yaml when it exists).")
  public Path config;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data folder of the gateway (default: data from LOOKOUT_DATA or lookout.yaml, else"
              + " ./lookout-data).")
  public Path data;

  /** Resolves the configuration {@code lookout serve} would use with these flags. */
  public ServeConfig load() {
    ServeOptions options = new ServeOptions();
    options.config = config;
    options.data = data;
    return new ConfigLoader(System.getenv()).load(options);
  }

  /**
   * Returns the data folder of {@code config}, which must exist: a mistyped {@code --data} must not
   * create an empty store and report on, delete from or export nothing.
   *
   * @throws IllegalArgumentException if the folder does not exist
   */
  public static Path existingDataDir(ServeConfig config) {
    Path data = config.dataDir();
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException(
          "No call store at "
              + data.toAbsolutePath()
              + "; pass --data DIR where lookout serve keeps its store");
    }
    return data;
  }

  /** Lowers the store's start and stop lines to WARN, which are for servers, not one-shot runs. */
  public static void quietStoreLogs() {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.lookout.store"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
  }
}
