package dev.lookout.cli.tokens;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code lookout tokens}: token counting commands. */
@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    description = "Count tokens with a model's tokenizer.",
    subcommands = {TokensCountCommand.class})
public final class TokensCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
