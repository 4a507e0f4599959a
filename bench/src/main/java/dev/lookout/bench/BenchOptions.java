package dev.lookout.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of one overhead benchmark run, parsed from {@code --key value} arguments.
 *
 * @param targets the servers to measure; the first is the baseline (the upstream called directly)
 *     that the others' added latency is computed against
 * @param path request path appended to every base URL
 * @param rates request rates of the open-loop cases, in requests per second
 * @param kinds which kinds of call to run: {@code false} for plain, {@code true} for streamed
 * @param closedLoop whether to add a concurrency-1 case per kind
 * @param phase length of one recorded phase per target per round
 * @param warmup length of the unrecorded warm-up phase per target per case
 * @param rounds number of rounds per case; each round runs one phase per target, in an order that
 *     alternates between rounds
 * @param maxInFlight maximum requests in flight per phase, which caps the open connections
 * @param timeout idle timeout of one request; a request that exceeds it counts as an error
 * @param model model name sent in the request body
 * @param prompt text of the single user message
 * @param openStreams streams to hold open at once in the memory check, 0 to skip it
 * @param openStreamsRamp time over which the memory check opens its streams
 * @param openStreamsChunkIntervalMs milliseconds between chunks of the memory check's streams, sent
 *     to the simulator in the {@code x-sim-chunk-interval-ms} header
 * @param clockTicks clock ticks per second of {@code /proc/PID/stat} CPU times ({@code getconf
 *     CLK_TCK})
 * @param markdownOut file to write the result tables to, if set
 */
record BenchOptions(
    List<Target> targets,
    String path,
    List<Double> rates,
    List<Boolean> kinds,
    boolean closedLoop,
    Duration phase,
    Duration warmup,
    int rounds,
    int maxInFlight,
    Duration timeout,
    String model,
    String prompt,
    int openStreams,
    Duration openStreamsRamp,
    long openStreamsChunkIntervalMs,
    int clockTicks,
    Optional<Path> markdownOut) {

  static final String DEFAULT_PROMPT = "Name three uses of a paperclip.";

  static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar lookout-bench.jar --target direct=URL --target NAME=URL... [options]",
          "",
          "Sends the same chat completion to every target, case by case, in alternating rounds,"
              + " and prints",
          "latency percentiles per target and the latency each target adds over the first one.",
          "Open-loop latency runs from each request's intended send time to the last byte.",
          "",
          "  --target NAME=URL     a server to measure (repeatable); the first is the baseline,"
              + " e.g. direct=http://127.0.0.1:9001",
          "  --header NAME=H:V     a request header for target NAME only (repeatable)",
          "  --pid NAME=PID        report CPU and resident memory of process PID for target NAME"
              + " (repeatable)",
          "  --path PATH           request path (default: /v1/chat/completions)",
          "  --rates LIST          comma-separated requests per second (default: 500,1000,2000,4000)",
          "  --kinds LIST          plain, stream or plain,stream (default: plain,stream)",
          "  --closed-loop BOOL    add a concurrency-1 case per kind (default: true)",
          "  --duration S          seconds per target per round (default: 5)",
          "  --warmup S            unrecorded seconds per target before each case (default: 2)",
          "  --rounds N            rounds per case (default: 2)",
          "  --max-in-flight N     maximum requests in flight, and so connections (default: 8192)",
          "  --timeout S           idle timeout of one request in seconds (default: 10)",
          "  --model NAME          model in the request body (default: gpt-4o-mini)",
          "  --prompt TEXT         user message (default: \"" + DEFAULT_PROMPT + "\")",
          "  --open-streams N      streams held open at once in the memory check, 0 to skip"
              + " (default: 0)",
          "  --open-streams-ramp S seconds over which the memory check opens them (default: 5)",
          "  --open-streams-chunk-interval-ms N",
          "                        ms between chunks of those streams (default: 150)",
          "  --clock-ticks N       clock ticks per second of /proc CPU times (default: 100)",
          "  --markdown-out FILE   also write the result tables as Markdown to FILE",
          "  --help                print this help");

  private static final Set<String> REPEATABLE = Set.of("target", "header", "pid");
  private static final Set<String> SINGLE =
      Set.of(
          "path",
          "rates",
          "kinds",
          "closed-loop",
          "duration",
          "warmup",
          "rounds",
          "max-in-flight",
          "timeout",
          "model",
          "prompt",
          "open-streams",
          "open-streams-ramp",
          "open-streams-chunk-interval-ms",
          "clock-ticks",
          "markdown-out");

  /**
   * Parses {@code --key value} pairs.
   *
   * @throws IllegalArgumentException naming the option and value when an option is unknown,
   *     missing, repeated or out of range
   */
  static BenchOptions parse(String... args) {
    Map<String, String> values = new HashMap<>();
    Map<String, List<String>> lists = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String key = arg.startsWith("--") ? arg.substring(2) : "";
      if (!SINGLE.contains(key) && !REPEATABLE.contains(key)) {
        throw new IllegalArgumentException("Unknown option '" + arg + "'; see --help");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + arg + " needs a value; see --help");
      }
      String value = args[++i];
      if (REPEATABLE.contains(key)) {
        lists.computeIfAbsent(key, ignored -> new ArrayList<>()).add(value);
      } else if (values.put(key, value) != null) {
        throw new IllegalArgumentException("Option " + arg + " is given twice; give it once");
      }
    }
    return new BenchOptions(
        targets(lists),
        text(values, "path", "/v1/chat/completions"),
        rates(values.getOrDefault("rates", "500,1000,2000,4000")),
        kinds(values.getOrDefault("kinds", "plain,stream")),
        bool(values, "closed-loop", true),
        seconds(values, "duration", 5, false),
        seconds(values, "warmup", 2, true),
        positiveInt(values, "rounds", 2),
        positiveInt(values, "max-in-flight", 8192),
        seconds(values, "timeout", 10, false),
        text(values, "model", "gpt-4o-mini"),
        text(values, "prompt", DEFAULT_PROMPT),
        nonNegativeInt(values, "open-streams", 0),
        seconds(values, "open-streams-ramp", 5, false),
        nonNegativeInt(values, "open-streams-chunk-interval-ms", 150),
        positiveInt(values, "clock-ticks", 100),
        Optional.ofNullable(values.get("markdown-out")).map(Path::of));
  }

  /** Returns the number of requests one phase of {@code length} sends at {@code rate}. */
  static long requestsIn(Duration length, double ratePerSecond) {
    return Math.max(1, Math.round(ratePerSecond * length.toNanos() / 1e9));
  }

  /** Returns the cases in run order: per kind, the closed-loop case first, then rising rates. */
  List<LoadCase> cases() {
    List<LoadCase> cases = new ArrayList<>();
    for (boolean stream : kinds) {
      if (closedLoop) {
        cases.add(LoadCase.closedLoop(stream));
      }
      for (double rate : rates) {
        cases.add(LoadCase.openLoop(stream, rate));
      }
    }
    return cases;
  }

  private static List<Target> targets(Map<String, List<String>> lists) {
    Map<String, URI> urls = new LinkedHashMap<>();
    for (String spec : lists.getOrDefault("target", List.of())) {
      String[] parts = pair("target", spec, "=", "NAME=URL");
      if (urls.put(parts[0], url(parts[0], parts[1])) != null) {
        throw new IllegalArgumentException(
            "--target " + parts[0] + " is given twice; give each name once");
      }
    }
    if (urls.size() < 2) {
      throw new IllegalArgumentException(
          "Give at least two --target NAME=URL options: the upstream first, then a gateway");
    }
    Map<String, Map<String, String>> headers = new HashMap<>();
    for (String spec : lists.getOrDefault("header", List.of())) {
      String[] parts = pair("header", spec, "=", "NAME=Header:Value");
      String[] header = pair("header", parts[1], ":", "NAME=Header:Value");
      knownTarget(urls, "header", parts[0]);
      headers.computeIfAbsent(parts[0], ignored -> new LinkedHashMap<>()).put(header[0], header[1]);
    }
    Map<String, Long> pids = new HashMap<>();
    for (String spec : lists.getOrDefault("pid", List.of())) {
      String[] parts = pair("pid", spec, "=", "NAME=PID");
      knownTarget(urls, "pid", parts[0]);
      long pid;
      try {
        pid = Long.parseLong(parts[1]);
      } catch (NumberFormatException e) {
        pid = -1;
      }
      if (pid < 1) {
        throw new IllegalArgumentException(
            "--pid " + spec + " is invalid: give a process id of 1 or more after the name");
      }
      pids.put(parts[0], pid);
    }
    List<Target> targets = new ArrayList<>();
    urls.forEach(
        (name, url) ->
            targets.add(
                new Target(
                    name, url, headers.getOrDefault(name, Map.of()), pids.getOrDefault(name, 0L))));
    return List.copyOf(targets);
  }

  private static String[] pair(String key, String spec, String separator, String shape) {
    int at = spec.indexOf(separator);
    if (at < 1 || at == spec.length() - 1) {
      throw new IllegalArgumentException(
          "--" + key + " '" + spec + "' is invalid: use the form " + shape);
    }
    return new String[] {spec.substring(0, at).trim(), spec.substring(at + 1).trim()};
  }

  private static void knownTarget(Map<String, URI> urls, String key, String name) {
    if (!urls.containsKey(name)) {
      throw new IllegalArgumentException(
          "--" + key + " names target '" + name + "', which no --target defines");
    }
  }

  private static URI url(String name, String value) {
    URI uri;
    try {
      uri = URI.create(value.replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--target " + name + " is not a valid URL: '" + value + "'", e);
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "--target "
              + name
              + " must be an http:// URL such as http://127.0.0.1:9001, got '"
              + value
              + "'");
    }
    return uri;
  }

  private static List<Double> rates(String text) {
    List<Double> rates = new ArrayList<>();
    for (String part : text.split(",")) {
      double rate;
      try {
        rate = Double.parseDouble(part.trim());
      } catch (NumberFormatException e) {
        rate = -1;
      }
      if (!(rate > 0) || Double.isInfinite(rate)) {
        throw new IllegalArgumentException(
            "--rates must be numbers above 0 separated by commas, got '" + text + "'");
      }
      rates.add(rate);
    }
    return List.copyOf(rates);
  }

  private static List<Boolean> kinds(String text) {
    List<Boolean> kinds = new ArrayList<>();
    for (String part : text.split(",")) {
      switch (part.trim()) {
        case "plain" -> kinds.add(false);
        case "stream" -> kinds.add(true);
        default ->
            throw new IllegalArgumentException(
                "--kinds must list plain and/or stream separated by commas, got '" + text + "'");
      }
    }
    return List.copyOf(kinds);
  }

  private static String text(Map<String, String> values, String key, String fallback) {
    String value = values.getOrDefault(key, fallback);
    if (value.isBlank()) {
      throw new IllegalArgumentException("--" + key + " is blank");
    }
    return value;
  }

  private static int positiveInt(Map<String, String> values, String key, int fallback) {
    int number = nonNegativeInt(values, key, fallback);
    if (number < 1) {
      throw new IllegalArgumentException("--" + key + " must be 1 or more, got '" + number + "'");
    }
    return number;
  }

  private static int nonNegativeInt(Map<String, String> values, String key, int fallback) {
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
    if (number < 0) {
      throw new IllegalArgumentException("--" + key + " must be 0 or more, got '" + value + "'");
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

  private static boolean bool(Map<String, String> values, String key, boolean fallback) {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value.equals("true")) {
      return true;
    }
    if (value.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException("--" + key + " must be true or false, got '" + value + "'");
  }
}
