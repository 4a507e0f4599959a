package dev.lookout.cli.replay;

import dev.lookout.gateway.sim.TrafficFile;
import dev.lookout.gateway.sim.TrafficRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lookout replay}: sends the prompts of a traffic JSONL file to a gateway with a {@link
 * Replayer} and prints one summary line. Exit codes: 0 when every request succeeded, 1 when any
 * failed, 2 for invalid options or an unreadable file.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Sends the prompts of a traffic JSONL file to a gateway as chat completion requests.",
      "Authorization uses OPENAI_API_KEY from the environment, or the placeholder "
          + ReplaySettings.PLACEHOLDER_API_KEY
          + "."
    })
public final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Traffic JSONL file to replay.")
  Path file;

  @Option(
      names = "--gateway",
      required = true,
      paramLabel = "URL",
      description = "Base URL of the gateway, such as http://127.0.0.1:8080.")
  String gateway;

  @Option(
      names = "--rate",
      paramLabel = "RPS",
      defaultValue = "0",
      description = "Requests per second, 0 for no pacing. Default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "16",
      description = "Maximum requests in flight. Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(
      names = "--stream-ratio",
      paramLabel = "FRACTION",
      defaultValue = "0.5",
      description =
          "Fraction of requests streamed, from 0 to 1; half of the streamed ones ask for a"
              + " usage chunk. Default: ${DEFAULT-VALUE}.")
  double streamRatio;

  @Option(
      names = "--users",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Number of distinct user ids (user-0 ...), 0 for none. Default: ${DEFAULT-VALUE}.")
  int users;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "0",
      description = "Maximum records to send, 0 for all. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Option(
      names = "--model",
      paramLabel = "M",
      description =
          "Model for every request. Default: each record's model, or "
              + ReplaySettings.DEFAULT_MODEL
              + " when it has none.")
  String model;

  @Option(
      names = "--timeout-s",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "Time limit of one request in seconds. Default: ${DEFAULT-VALUE}.")
  int timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    ReplaySettings settings = settings();
    List<TrafficRecord> records = readRecords();
    ReplaySummary summary = new Replayer(settings).run(records);
    PrintWriter out = spec.commandLine().getOut();
    out.println(summary.line());
    out.flush();
    if (!summary.allSucceeded()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("replay: failures by cause: " + summary.failureLine());
      err.flush();
    }
    return summary.allSucceeded() ? 0 : 1;
  }

  /** Validates every option and builds the settings; throws before anything is sent. */
  ReplaySettings settings() {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw invalid("--rate", plain(rate), "Use requests per second >= 0 (0 = no pacing)");
    }
    if (concurrency < 1) {
      throw invalid("--concurrency", concurrency, "Use 1 or more");
    }
    if (!(streamRatio >= 0 && streamRatio <= 1)) {
      throw invalid("--stream-ratio", plain(streamRatio), "Use a fraction from 0 to 1");
    }
    if (users < 0) {
      throw invalid("--users", users, "Use 0 (no user ids) or more");
    }
    if (limit < 0) {
      throw invalid("--limit", limit, "Use 0 (all records) or more");
    }
    if (timeoutSeconds < 1) {
      throw invalid("--timeout-s", timeoutSeconds, "Use 1 or more seconds");
    }
    if (model != null && model.isBlank()) {
      throw invalid("--model", "\"" + model + "\"", "Give a model name, or leave the option out");
    }
    return new ReplaySettings(
        gatewayUri(),
        rate,
        concurrency,
        streamRatio,
        users,
        limit,
        model,
        ReplaySettings.apiKeyFromEnvironment(),
        Duration.ofSeconds(timeoutSeconds));
  }

  private URI gatewayUri() {
    URI uri;
    try {
      uri = new URI(gateway.strip());
    } catch (URISyntaxException e) {
      throw invalid(
          "--gateway", gateway, "Give an http:// or https:// URL such as http://127.0.0.1:8080");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw invalid(
          "--gateway", gateway, "Give an http:// or https:// URL such as http://127.0.0.1:8080");
    }
    return uri;
  }

  private List<TrafficRecord> readRecords() {
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(
          spec.commandLine(),
          "Traffic file not found: " + file + ". Give the path of a traffic JSONL file.");
    }
    try {
      return TrafficFile.read(file);
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read the traffic file: " + e.getMessage(), e);
    }
  }

  /** Returns {@code value} as typed for whole numbers ("-1", not "-1.0"). */
  private static String plain(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value)
        ? String.valueOf((long) value)
        : String.valueOf(value);
  }

  private ParameterException invalid(String option, Object value, String allowed) {
    return new ParameterException(
        spec.commandLine(),
        "Invalid value for option '" + option + "': " + value + ". " + allowed + ".");
  }
}
