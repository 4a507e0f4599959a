package dev.lookout.gateway.dashboard;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's static files, read from the classpath once and then served from memory: the pages
 * under {@code ui/} and uPlot from its WebJar under {@code /ui/vendor/uplot/}.
 */
final class UiFiles {
  private static final String PAGES = "ui/";
  private static final String UPLOT_PREFIX = "vendor/uplot/";
  private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "json", "application/json");

  /** A file and its content type. */
  record File(Buffer body, String contentType) {}

  // Only files that exist are cached, so requests for made-up paths cannot grow the map.
  private final Map<String, File> cache = new ConcurrentHashMap<>();

  /**
   * Returns the file at {@code relativePath} (below {@code /ui/}), or empty when there is none. May
   * block on the first read of a file.
   */
  Optional<File> find(String relativePath) {
    String path = relativePath.isEmpty() ? "index.html" : relativePath;
    File cached = cache.get(path);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<File> loaded = load(path);
    loaded.ifPresent(file -> cache.put(path, file));
    return loaded;
  }

  private static Optional<File> load(String path) {
    int dot = path.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(path.substring(dot + 1));
    if (type == null || path.contains("..") || path.contains("//")) {
      return Optional.empty();
    }
    String resource =
        path.startsWith(UPLOT_PREFIX)
            ? UPLOT + path.substring(UPLOT_PREFIX.length())
            : PAGES + path;
    try (InputStream in = UiFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new File(Buffer.buffer(in.readAllBytes()), type));
    } catch (IOException e) {
      throw new UncheckedIOException("Reading " + resource + " from the classpath failed", e);
    }
  }
}
