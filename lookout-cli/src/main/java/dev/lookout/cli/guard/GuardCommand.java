package dev.lookout.cli.guard;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lookout guard}: check a text with the guards, or evaluate them on labelled data. */
@Command(
    name = "guard",
    mixinStandardHelpOptions = true,
    description = "Check a text with the guards, or evaluate them on labelled data.",
    subcommands = {GuardCheckCommand.class, GuardEvalCommand.class})
public final class GuardCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
