package dev.lookout.cli.retention;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lookout retention}: the group of retention commands. */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = "Delete call records and payloads older than their retention periods.",
    subcommands = {RetentionApplyCommand.class})
public final class RetentionCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
