package dev.lookout.cli;

import dev.lookout.cli.cost.CostCommand;
import dev.lookout.cli.demo.DemoCommand;
import dev.lookout.cli.drift.DriftCommand;
import dev.lookout.cli.export.ExportCommand;
import dev.lookout.cli.guard.GuardCommand;
import dev.lookout.cli.payload.PayloadCommand;
import dev.lookout.cli.prices.PricesCommand;
import dev.lookout.cli.replay.ReplayCommand;
import dev.lookout.cli.report.ReportCommand;
import dev.lookout.cli.retention.RetentionCommand;
import dev.lookout.cli.serve.ServeCommand;
import dev.lookout.cli.sim.UpstreamSimCommand;
import dev.lookout.cli.tokens.TokensCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code lookout} command. */
@Command(
    name = "lookout",
    mixinStandardHelpOptions = true,
    version = "lookout 0.1.0",
    description = "Production monitor for LLM applications: gateway, call records, cost, metrics.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      ReportCommand.class,
      ReplayCommand.class,
      UpstreamSimCommand.class,
      PricesCommand.class,
      CostCommand.class,
      TokensCommand.class,
      GuardCommand.class,
      dev.lookout.cli.experiment.ExperimentCommand.class,
      PayloadCommand.class,
      RetentionCommand.class,
      ExportCommand.class,
      DriftCommand.class,
      CommandLine.HelpCommand.class
    })
public final class LookoutCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Returns the command line with Lookout's error handling, for {@code main} and tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new LookoutCommand())
        .setExecutionExceptionHandler(new UserErrorHandler())
        .setParameterExceptionHandler(new UsageErrorHandler());
  }
}
