package dev.lookout.cli.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.cli.input.InputFile;
import dev.lookout.cli.prices.OutputFormat;
import dev.lookout.core.experiment.Assignment;
import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.experiment.Variant;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lookout experiment assign}: the variant a user gets, as the gateway assigns it. */
@Command(
    name = "assign",
    mixinStandardHelpOptions = true,
    description = "Print the variant of a user, or of each user id in a file (one per line).")
public final class ExperimentAssignCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--experiment",
      required = true,
      paramLabel = "ID",
      description = "Experiment id; it salts the hash.")
  String experimentId;

  @ArgGroup(multiplicity = "1")
  Users users;

  static final class Users {
    @Option(names = "--user", paramLabel = "U", description = "One user id.")
    String user;

    @Option(
        names = "--users",
        paramLabel = "FILE",
        description = "UTF-8 file of user ids, one per line; blank lines are skipped.")
    Path file;
  }

  @Option(
      names = "--variants",
      paramLabel = "NAME=WEIGHT,...",
      description = "Variants and weights; without it the experiment comes from lookout.yaml.")
  String variants;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: LOOKOUT_CONFIG, else ./lookout.yaml).")
  Path config;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table prints the variant name, json one object per user (default: table).")
  String format = "table";

  @Override
  public Integer call() throws Exception {
    boolean json = OutputFormat.isJson(format);
    Experiment experiment =
        variants == null
            ? VariantWeights.fromConfig(experimentId, config)
            : Experiment.of(experimentId, null, VariantWeights.parse("--variants", variants));
    PrintWriter out = spec.commandLine().getOut();
    if (users.user != null && users.user.isBlank()) {
      throw new IllegalArgumentException(
          "--user must be a user id, got an empty value; pass the id the gateway sees in"
              + " x-lookout-user or the body's user field");
    }
    if (users.user != null) {
      out.println(line(experiment, users.user, json));
      out.flush();
      return 0;
    }
    String expected = "a UTF-8 file of user ids, one per line";
    InputFile.requireFile("--users", users.file, expected);
    try (BufferedReader reader = Files.newBufferedReader(users.file, StandardCharsets.UTF_8)) {
      String user;
      boolean first = true;
      while ((user = reader.readLine()) != null) {
        // Editors on Windows start UTF-8 files with a byte-order mark; it is not part of the id.
        if (first && user.startsWith("\uFEFF")) {
          user = user.substring(1);
        }
        first = false;
        if (!user.isBlank()) {
          out.println(line(experiment, user.strip(), json));
        }
      }
    } catch (IOException e) {
      out.flush();
      throw InputFile.readFailed("--users", users.file, e);
    }
    out.flush();
    return 0;
  }

  private static String line(Experiment experiment, String user, boolean json) {
    Variant variant = experiment.assign(user);
    if (!json) {
      return variant.name();
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("experiment_id", experiment.id());
    node.put("user", user);
    node.put("variant", variant.name());
    node.put("bucket", Assignment.bucket(experiment.id(), user));
    return node.toString();
  }
}
