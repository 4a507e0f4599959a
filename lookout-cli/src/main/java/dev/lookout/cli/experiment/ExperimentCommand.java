package dev.lookout.cli.experiment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lookout experiment}: assignment, sample size and analysis of prompt experiments. */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = "Assign users to variants, size and analyse prompt experiments.",
    subcommands = {
      ExperimentAssignCommand.class,
      SampleSizeCommand.class,
      ExperimentAnalyzeCommand.class
    })
public final class ExperimentCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
