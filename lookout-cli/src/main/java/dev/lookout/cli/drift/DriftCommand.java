package dev.lookout.cli.drift;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lookout drift}: test files for drift, show each template's state, manage baselines. */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description = "Test response files for drift, show each template's state, manage baselines.",
    subcommands = {DriftCheckCommand.class, DriftStatusCommand.class, DriftBaselineCommand.class})
public final class DriftCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
