package dev.lookout.cli.config;

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

  /** Lowers the store's start and stop lines to WARN, which are for servers, not one-shot runs. */
  public static void quietStoreLogs() {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.lookout.store"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
  }
}
