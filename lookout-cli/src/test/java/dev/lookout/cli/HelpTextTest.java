package dev.lookout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {
  @Test
  void everyHelpFormatsCleanly() {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      usageOfAll(LookoutCommand.commandLine());
    } finally {
      System.setErr(original);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Could not format");
  }

  private static void usageOfAll(CommandLine command) {
    command.getUsageMessage();
    command.getSubcommands().values().forEach(HelpTextTest::usageOfAll);
  }
}
