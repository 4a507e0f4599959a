package dev.lookout.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.store.StoreException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Opens the store from a second JVM, because DuckDB shares one open file within a process. */
class LockedFileTest {
  @TempDir Path dataDir;

  /** Holds the store open until its standard input closes. */
  public static void main(String[] args) throws Exception {
    try (DuckDbCallStore store = DuckDbCallStore.open(Path.of(args[0]))) {
      System.out.println("open " + store.count());
      System.out.flush();
      while (System.in.read() != -1) {
        // Wait for the test to close standard input.
      }
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void lockedFileNamesPathAndFix() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process holder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                LockedFileTest.class.getName(),
                dataDir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader output =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      String line = output.readLine();
      while (line != null && !line.startsWith("open")) {
        line = output.readLine();
      }
      assertThat(line).startsWith("open");

      Path file = dataDir.resolve(DuckDbCallStore.FILE_NAME).toAbsolutePath();
      assertThatThrownBy(() -> DuckDbCallStore.open(dataDir))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("another process")
          .hasMessageContaining("--gateway URL");
    } finally {
      holder.getOutputStream().close();
      if (!holder.waitFor(30, TimeUnit.SECONDS)) {
        holder.destroy();
      }
    }
  }
}
