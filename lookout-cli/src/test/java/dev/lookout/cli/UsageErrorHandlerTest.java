package dev.lookout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UsageErrorHandlerTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void wrongTypeIsOneLine() {
    int exit = execute("serve", "--port", "abc");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "lookout: Invalid value for option '--port': 'abc' is not an int; see 'lookout serve"
                + " --help' for the options\n");
  }

  @Test
  void missingOptionNamesHelp() {
    execute("guard", "eval", "--kind", "pii");
    assertThat(err.toString()).contains("see 'lookout guard eval --help'");
  }

  @Test
  void mistypedCommandGetsSuggestion() {
    execute("guard", "chek");
    assertThat(err.toString()).contains("Did you mean: guard check?");
  }

  @Test
  void mistypedRequiredOptionIsNamed() {
    execute("drift", "check", "--baseline", "b.jsonl", "--windw", "w.jsonl");
    assertThat(err.toString()).contains("'--windw'");
    assertThat(err.toString()).doesNotContain("Missing required option");
  }

  @Test
  void usageIsNotPrinted() {
    execute("drift", "status", "--frmat", "json");
    assertThat(err.toString()).doesNotContain("Usage:");
  }

  @Test
  void outputStaysEmpty() {
    execute("serve", "--port", "abc");
    assertThat(out.toString()).isEmpty();
  }

  private int execute(String... args) {
    CommandLine command = LookoutCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }
}
