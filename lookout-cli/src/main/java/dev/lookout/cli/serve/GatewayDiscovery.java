package dev.lookout.cli.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file in the data folder with the address of the gateway that has the store open, for other
 * {@code lookout} commands. A running gateway keeps the DuckDB file open, so {@code lookout report}
 * asks that gateway's API instead of opening the file.
 */
public final class GatewayDiscovery {
  /** Name of the file, inside the data folder. */
  public static final String FILE_NAME = "gateway.url";

  private static final Logger LOG = LoggerFactory.getLogger(GatewayDiscovery.class);

  private final Path file;

  private GatewayDiscovery(Path file) {
    this.file = file;
  }

  /** Writes the gateway's URL and this process's id into the data folder. */
  static GatewayDiscovery publish(Path dataDir, String url) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      Files.writeString(
          file, url + "\n" + ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warn(
          "runtime: cannot write {} ({}); lookout report will need --gateway {}",
          file,
          e.toString(),
          url);
    }
    return new GatewayDiscovery(file);
  }

  void remove() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("runtime: cannot delete {}: {}", file, e.toString());
    }
  }

  /** Returns the URL of the gateway that has {@code dataDir} open, if its process is alive. */
  public static Optional<String> find(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.size() < 2) {
        return Optional.empty();
      }
      long pid = Long.parseLong(lines.get(1).trim());
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Optional.of(lines.get(0).trim()) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
