package dev.lookout.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of one overhead benchmark run, parsed from {@code --key value} arguments.
 *
 * @param direct base URL of the upstream, called without the gateway
 * @param gateway base URL of the gateway that forwards to that upstream
 * @param path request path appended to both base URLs
 * @param ratePerSecond intended requests per second during a phase
 * @param phase length of one recorded phase per target per round
 * @param warmup length of the unrecorded warm-up phase per target
 * @param rounds number of rounds; each round runs one phase per target
 * @param maxInFlight maximum requests in flight per phase, which caps the open connections
 * @param timeout per-request timeout; a request that exceeds it counts as an error
 * @param stream whether the request sets {@code "stream": true} for a server-sent events response
 * @param model model name sent in the request body
 * @param prompt text of the single user message
 * @param markdownOut file to write the result tables to, if set
 */
record BenchOptions(
    URI direct,
    URI gateway,
    String path,
    double ratePerSecond,
    Duration phase,
    Duration warmup,
    int rounds,
    int maxInFlight,
    Duration timeout,
    boolean stream,
    String model,
    String prompt,
    Optional<Path> markdownOut) {

  static final String DEFAULT_PROMPT = "Name three uses of a paperclip.";

  static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar lookout-bench.jar --direct URL --gateway URL [options]",
          "",
          "Sends the same chat completion at a constant rate to the upstream (direct) and to the",
          "gateway in alternating rounds, and prints latency percentiles for both and their"
              + " difference.",
          "Latency runs from each request's intended send time to the last byte of the response.",
          "",
          "  --direct URL          base URL of the upstream, e.g. http://127.0.0.1:9001 (required)",
          "  --gateway URL         base URL of the gateway, e.g. http://127.0.0.1:9002 (required)",
          "  --path PATH           request path (default: /v1/chat/completions)",
          "  --rate N              requests per second (default: 200)",
          "  --duration S          seconds per target per round (default: 20)",
          "  --warmup S            unrecorded seconds per target before round 1 (default: 5)",
          "  --rounds N            rounds of direct + gateway phases (default: 2)",
          "  --max-in-flight N     maximum requests in flight, and so connections (default: 64)",
          "  --timeout S           per-request timeout in seconds (default: 10)",
          "  --stream true|false   request a streamed response (default: false)",
          "  --model NAME          model in the request body (default: gpt-4o-mini)",
          "  --prompt TEXT         user message (default: \"" + DEFAULT_PROMPT + "\")",
          "  --markdown-out FILE   also write the result tables as Markdown to FILE",
          "  --help                print this help");

  private static final List<String> KEYS =
      List.of(
          "direct",
          "gateway",
          "path",
          "rate",
          "duration",
          "warmup",
          "rounds",
          "max-in-flight",
          "timeout",
          "stream",
          "model",
          "prompt",
          "markdown-out");

  /**
   * Parses {@code --key value} pairs.
   *
   * @throws IllegalArgumentException naming the option and value when an option is unknown,
   *     missing, repeated or out of range
   */
  static BenchOptions parse(String... args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || !KEYS.contains(arg.substring(2))) {
        throw new IllegalArgumentException("Unknown option '" + arg + "'; see --help");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + arg + " needs a value; see --help");
      }
      if (values.put(arg.substring(2), args[++i]) != null) {
        throw new IllegalArgumentException("Option " + arg + " is given twice; give it once");
      }
    }
    return new BenchOptions(
        url(values, "direct"),
        url(values, "gateway"),
        text(values, "path", "/v1/chat/completions"),
        positiveNumber(values, "rate", 200),
        seconds(values, "duration", 20, false),
        seconds(values, "warmup", 5, true),
        positiveInt(values, "rounds", 2),
        positiveInt(values, "max-in-flight", 64),
        seconds(values, "timeout", 10, false),
        bool(values, "stream"),
        text(values, "model", "gpt-4o-mini"),
        text(values, "prompt", DEFAULT_PROMPT),
        Optional.ofNullable(values.get("markdown-out")).map(Path::of));
  }

  /** Returns the number of requests one phase of {@code length} sends at the configured rate. */
  long requestsIn(Duration length) {
    return Math.max(1, Math.round(ratePerSecond * length.toNanos() / 1e9));
  }

  private static URI url(Map<String, String> values, String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("Missing --" + key + " URL; see --help");
    }
    URI uri;
    try {
      uri = URI.create(value.replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + key + " is not a valid URL: '" + value + "'", e);
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "--"
              + key
              + " must be an http:// URL such as http://127.0.0.1:9001, got '"
              + value
              + "'");
    }
    return uri;
  }

  private static String text(Map<String, String> values, String key, String fallback) {
    String value = values.getOrDefault(key, fallback);
    if (value.isBlank()) {
      throw new IllegalArgumentException("--" + key + " is blank");
    }
    return value;
  }

  private static double positiveNumber(Map<String, String> values, String key, double fallback) {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    double number;
    try {
      number = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be a number, got '" + value + "'", e);
    }
    if (!(number > 0) || Double.isInfinite(number)) {
      throw new IllegalArgumentException("--" + key + " must be above 0, got '" + value + "'");
    }
    return number;
  }

  private static int positiveInt(Map<String, String> values, String key, int fallback) {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + key + " must be a whole number, got '" + value + "'", e);
    }
    if (number < 1) {
      throw new IllegalArgumentException("--" + key + " must be 1 or more, got '" + value + "'");
    }
    return number;
  }

  private static Duration seconds(
      Map<String, String> values, String key, double fallback, boolean zeroAllowed) {
    String value = values.get(key);
    double number = fallback;
    if (value != null) {
      try {
        number = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--" + key + " must be a number of seconds, got '" + value + "'", e);
      }
    }
    boolean valid = zeroAllowed ? number >= 0 : number > 0;
    if (!valid || Double.isInfinite(number) || number > 86_400) {
      throw new IllegalArgumentException(
          "--"
              + key
              + " must be "
              + (zeroAllowed ? "0" : "above 0")
              + " to 86400 seconds, got '"
              + value
              + "'");
    }
    return Duration.ofNanos(Math.round(number * 1e9));
  }

  private static boolean bool(Map<String, String> values, String key) {
    String value = values.getOrDefault(key, "false");
    if (value.equals("true")) {
      return true;
    }
    if (value.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException("--" + key + " must be true or false, got '" + value + "'");
  }
}
