package dev.lookout.cli.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.cli.prices.OutputFormat;
import dev.lookout.core.experiment.stats.SampleSize;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lookout experiment sample-size}: users per arm to detect a change of a rate. */
@Command(
    name = "sample-size",
    mixinStandardHelpOptions = true,
    description = "Print the observations per arm a two-proportion test needs for an effect.")
public final class SampleSizeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--baseline-rate",
      required = true,
      paramLabel = "P",
      description = "Rate of the control, between 0 and 1, e.g. 0.1.")
  double baselineRate;

  @Option(
      names = "--mde",
      required = true,
      paramLabel = "D",
      description = "Minimum detectable effect: an absolute change of the rate, e.g. 0.02.")
  double mde;

  @Option(
      names = "--relative",
      description = "Read --mde as a share of the baseline rate, e.g. 0.1 for 10%%.")
  boolean relative;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      description = "Two-sided significance level (default: 0.05).")
  double alpha = 0.05;

  @Option(names = "--power", paramLabel = "P", description = "Power (default: 0.8).")
  double power = 0.8;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table or json (default: table).")
  String format = "table";

  /** Largest sample per arm reported; a larger one means the effect is too small to detect. */
  private static final long MAX_PER_ARM = 1_000_000_000_000L;

  @Override
  public Integer call() {
    boolean json = OutputFormat.isJson(format);
    double treated = relative ? baselineRate * (1 + mde) : baselineRate + mde;
    long n = SampleSize.forRates(baselineRate, treated, alpha, power);
    if (n > MAX_PER_ARM) {
      throw new IllegalArgumentException(
          "--mde "
              + mde
              + " needs more than 10^12 users per arm ("
              + n
              + "); choose a larger minimum detectable effect");
    }
    if (json) {
      ObjectNode node = JSON.createObjectNode();
      node.put("n_per_arm", n);
      node.put("formula", SampleSize.RATE_FORMULA);
      node.put("baseline_rate", baselineRate);
      node.put("treatment_rate", treated);
      node.put("alpha", alpha);
      node.put("power", power);
      spec.commandLine().getOut().println(node);
    } else {
      spec.commandLine()
          .getOut()
          .printf(
              "%d per arm to tell %s from %s (alpha %s, power %s)%n%s%n",
              n, baselineRate, treated, alpha, power, SampleSize.RATE_FORMULA);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
