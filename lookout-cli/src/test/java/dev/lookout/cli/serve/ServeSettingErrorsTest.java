package dev.lookout.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.cli.LookoutCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lookout serve} refuses an invalid setting on one line that names what the user typed. */
class ServeSettingErrorsTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  @Test
  void flagIsNamed() {
    int exit = serve("--port", "70000", "--data", dir.resolve("data").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("lookout: --port 70000: port must be between 0 and 65535, got 70000\n");
  }

  @Test
  void fileIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("lookout.yaml"), "shutdown_grace: soon\n");

    int exit = serve("--config", file.toString(), "--data", dir.resolve("data").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "lookout: "
                + file
                + ": shutdown_grace must be a whole number followed by ms, s, m, h or d"
                + " (for example 30s or 24h), got 'soon'\n");
  }

  private int serve(String... options) {
    CommandLine command = LookoutCommand.commandLine();
    command.setErr(new PrintWriter(err, true));
    String[] args = new String[options.length + 1];
    args[0] = "serve";
    System.arraycopy(options, 0, args, 1, options.length);
    return command.execute(args);
  }
}
