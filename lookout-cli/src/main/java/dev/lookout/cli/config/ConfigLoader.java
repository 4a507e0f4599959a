package dev.lookout.cli.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lookout.cli.prices.PriceTables;
import dev.lookout.core.pricing.PriceTable;
import dev.lookout.core.time.DurationText;
import dev.lookout.gateway.GatewaySettings;
import dev.lookout.gateway.guard.GuardSettings;
import dev.lookout.gateway.metrics.GatewayMetrics;
import dev.lookout.store.recorder.RecorderSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Resolves the configuration of {@code lookout serve}: defaults, then {@code lookout.yaml}, then
 * {@code LOOKOUT_*} environment variables, then flags. Invalid values fail at start with a message
 * that names the setting, where it came from, and the value.
 */
public final class ConfigLoader {
  /** File read when neither {@code --config} nor {@code LOOKOUT_CONFIG} names one. */
  public static final Path DEFAULT_CONFIG = Path.of("lookout.yaml");

  public static final Path DEFAULT_DATA = Path.of("lookout-data");
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(100);

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // Money limits keep every digit written: 0.1234567890123456789 stays exact.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** Variables Lookout reads; another LOOKOUT_* variable is probably a typo and is reported. */
  private static final java.util.Set<String> KNOWN_VARIABLES =
      java.util.Set.of(
          "LOOKOUT_CONFIG",
          "LOOKOUT_HOST",
          "LOOKOUT_PORT",
          "LOOKOUT_UPSTREAM",
          "LOOKOUT_DATA",
          "LOOKOUT_UPSTREAM_TIMEOUT",
          "LOOKOUT_MAX_BODY_BYTES",
          "LOOKOUT_MAX_IN_FLIGHT",
          "LOOKOUT_MAX_BUFFERED_BODY_BYTES",
          "LOOKOUT_SHUTDOWN_GRACE",
          "LOOKOUT_RECORDER_QUEUE_CAPACITY",
          "LOOKOUT_RECORDER_BATCH_SIZE",
          "LOOKOUT_RECORDER_FLUSH_INTERVAL",
          "LOOKOUT_METRICS_LABEL_CAP",
          "LOOKOUT_INJECT_STREAM_USAGE",
          "LOOKOUT_PRICES",
          "LOOKOUT_ANTHROPIC_UPSTREAM",
          "LOOKOUT_PII_HASH_KEY",
          DashboardConfig.DEFAULT_SECRET_ENV,
          "LOOKOUT_DRIFT_ENABLED",
          "LOOKOUT_DRIFT_SAMPLE_RATE",
          "LOOKOUT_DRIFT_BASELINE_SIZE",
          "LOOKOUT_DRIFT_WINDOW_SIZE",
          "LOOKOUT_DRIFT_ALPHA",
          "LOOKOUT_DRIFT_CHECK_EVERY",
          "LOOKOUT_DRIFT_PERMUTATIONS",
          "LOOKOUT_DRIFT_QUEUE_CAPACITY",
          "LOOKOUT_DRIFT_MAX_TEMPLATES",
          "LOOKOUT_DRIFT_WEBHOOK",
          "LOOKOUT_LOG_LEVEL",
          "LOOKOUT_CAPTURE",
          "LOOKOUT_CAPTURE_SAMPLE_RATE",
          "LOOKOUT_JAVA_OPTS");

  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  /**
   * Resolves the configuration.
   *
   * @throws IllegalArgumentException if the file cannot be read or a value is invalid
   */
  public ServeConfig load(ServeOptions flags) {
    for (String name : env.keySet()) {
      if (name.startsWith("LOOKOUT_") && !KNOWN_VARIABLES.contains(name)) {
        String closest = Suggestions.closest(name, KNOWN_VARIABLES);
        throw new IllegalArgumentException(
            "Unknown environment variable "
                + name
                + (closest == null ? "" : "; did you mean " + closest + "?")
                + " Unset it or use a known one: "
                + String.join(", ", new TreeSet<>(KNOWN_VARIABLES)));
      }
    }
    Path configPath = configPath(flags);
    FileContent content = readFile(configPath);
    SettingSources sources = new SettingSources(env, configPath, content.tree());
    try {
      return resolve(flags, configPath, content.values(), sources);
    } catch (IllegalArgumentException e) {
      throw sources.attribute(e);
    }
  }

  private ServeConfig resolve(
      ServeOptions flags, Path configPath, ConfigFile file, SettingSources sources) {
    ConfigFile.Recorder recorder =
        file.recorder() != null ? file.recorder() : new ConfigFile.Recorder(null, null, null);
    ConfigFile.Metrics metrics =
        file.metrics() != null ? file.metrics() : new ConfigFile.Metrics(null);

    String host =
        sources.pick(
            "host",
            "--host",
            flags.host,
            "LOOKOUT_HOST",
            file.host(),
            GatewaySettings.DEFAULT_HOST);
    int port =
        integer(
            "port",
            sources.pick(
                "port",
                "--port",
                str(flags.port),
                "LOOKOUT_PORT",
                str(file.port()),
                String.valueOf(GatewaySettings.DEFAULT_PORT)));
    URI upstream =
        uri(
            "upstream",
            sources.pick(
                "upstream",
                "--upstream",
                flags.upstream,
                "LOOKOUT_UPSTREAM",
                file.upstream(),
                GatewaySettings.DEFAULT_UPSTREAM.toString()));
    Path data =
        Path.of(
            sources.pick(
                "data",
                "--data",
                str(flags.data),
                "LOOKOUT_DATA",
                file.data(),
                DEFAULT_DATA.toString()));
    Duration timeout =
        DurationText.parse(
            "upstream_timeout",
            sources.pick(
                "upstream_timeout",
                "--upstream-timeout",
                flags.upstreamTimeout,
                "LOOKOUT_UPSTREAM_TIMEOUT",
                file.upstreamTimeout(),
                "600s"));
    long maxBody =
        longValue(
            "max_body_bytes",
            sources.pick(
                "max_body_bytes",
                "--max-body-bytes",
                str(flags.maxBodyBytes),
                "LOOKOUT_MAX_BODY_BYTES",
                str(file.maxBodyBytes()),
                String.valueOf(GatewaySettings.DEFAULT_MAX_BODY_BYTES)));
    Duration grace =
        DurationText.parse(
            "shutdown_grace",
            sources.pick(
                "shutdown_grace",
                "--shutdown-grace",
                flags.shutdownGrace,
                "LOOKOUT_SHUTDOWN_GRACE",
                file.shutdownGrace(),
                "30s"));
    int queueCapacity =
        integer(
            "recorder.queue_capacity",
            sources.pick(
                "recorder.queue_capacity",
                "LOOKOUT_RECORDER_QUEUE_CAPACITY",
                str(recorder.queueCapacity()),
                String.valueOf(DEFAULT_QUEUE_CAPACITY)));
    int batchSize =
        integer(
            "recorder.batch_size",
            sources.pick(
                "recorder.batch_size",
                "LOOKOUT_RECORDER_BATCH_SIZE",
                str(recorder.batchSize()),
                String.valueOf(RecorderSettings.DEFAULT_MAX_BATCH_SIZE)));
    Duration flushInterval =
        positive(
            "recorder.flush_interval",
            DurationText.parse(
                "recorder.flush_interval",
                sources.pick(
                    "recorder.flush_interval",
                    "LOOKOUT_RECORDER_FLUSH_INTERVAL",
                    recorder.flushInterval(),
                    "100ms")));
    int labelCap =
        integer(
            "metrics.label_cap",
            sources.pick(
                "metrics.label_cap",
                "LOOKOUT_METRICS_LABEL_CAP",
                str(metrics.labelCap()),
                String.valueOf(GatewayMetrics.DEFAULT_LABEL_CAP)));
    boolean injectStreamUsage =
        bool(
            "inject_stream_usage",
            sources.pick(
                "inject_stream_usage",
                "LOOKOUT_INJECT_STREAM_USAGE",
                str(file.injectStreamUsage()),
                "true"));
    URI anthropicUpstream =
        uri(
            "anthropic_upstream",
            sources.pick(
                "anthropic_upstream",
                "--anthropic-upstream",
                flags.anthropicUpstream,
                "LOOKOUT_ANTHROPIC_UPSTREAM",
                file.anthropicUpstream(),
                GatewaySettings.DEFAULT_ANTHROPIC_UPSTREAM.toString()));
    GuardSettings guards = GuardConfig.from(file.guards(), env);
    int maxInFlight =
        integer(
            "max_in_flight",
            sources.pick(
                "max_in_flight",
                "LOOKOUT_MAX_IN_FLIGHT",
                str(file.maxInFlight()),
                String.valueOf(GatewaySettings.DEFAULT_MAX_IN_FLIGHT)));
    long maxBufferedBodyBytes =
        longValue(
            "max_buffered_body_bytes",
            sources.pick(
                "max_buffered_body_bytes",
                "LOOKOUT_MAX_BUFFERED_BODY_BYTES",
                str(file.maxBufferedBodyBytes()),
                String.valueOf(GatewaySettings.defaultMaxBufferedBodyBytes())));
    GatewaySettings gateway =
        new GatewaySettings(
            host,
            port,
            upstream,
            timeout,
            maxBody,
            grace,
            injectStreamUsage,
            anthropicUpstream,
            maxInFlight,
            maxBufferedBodyBytes);
    return new ServeConfig(
        gateway,
        data,
        queueCapacity,
        batchSize,
        flushInterval,
        labelCap,
        AccessConfig.from(file),
        prices(flags, file, sources),
        guards,
        DashboardConfig.from(file.ui(), env),
        ExperimentConfig.from(file.experiments(), configPath),
        PayloadConfig.from(
            file,
            sources.pick("capture.mode", "--capture", flags.capture, "LOOKOUT_CAPTURE", null, null),
            sources.pick(
                "capture.sample_rate",
                "--capture-sample-rate",
                str(flags.captureSampleRate),
                "LOOKOUT_CAPTURE_SAMPLE_RATE",
                null,
                null),
            guards),
        DriftConfig.from(file.drift(), flags, sources));
  }

  /**
   * Returns whether the flags, {@code LOOKOUT_DRIFT_ENABLED} or a {@code drift:} section of the
   * configuration file decide whether drift detection is on.
   */
  public boolean configuresDrift(ServeOptions flags) {
    String enabled = env.get("LOOKOUT_DRIFT_ENABLED");
    return flags.drift != null
        || (enabled != null && !enabled.isBlank())
        || readFile(configPath(flags)).values().drift() != null;
  }

  /**
   * Returns the price table {@code lookout serve} would use with these flags: {@code pricesFile},
   * else {@code LOOKOUT_PRICES}, else {@code prices:} of the configuration file ({@code
   * configFile}, else {@code LOOKOUT_CONFIG}, else {@code ./lookout.yaml} when it exists), with
   * that file's {@code model_aliases}.
   *
   * @throws IllegalArgumentException naming the file when the configuration or price file is
   *     invalid
   */
  public PriceTable priceTable(Path pricesFile, Path configFile) {
    ServeOptions flags = new ServeOptions();
    flags.prices = pricesFile;
    flags.config = configFile;
    Path configPath = configPath(flags);
    FileContent content = readFile(configPath);
    return prices(flags, content.values(), new SettingSources(env, configPath, content.tree()));
  }

  private static PriceTable prices(ServeOptions flags, ConfigFile file, SettingSources sources) {
    String path =
        sources.pick(
            "prices", "--prices", str(flags.prices), "LOOKOUT_PRICES", file.prices(), null);
    PriceTable table = PriceTables.load(path == null ? null : Path.of(path));
    if (file.modelAliases() != null && !file.modelAliases().isEmpty()) {
      table = table.withAliases(file.modelAliases());
    }
    return table;
  }

  private Path configPath(ServeOptions flags) {
    if (flags.config != null) {
      return flags.config;
    }
    String fromEnv = env.get("LOOKOUT_CONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    return Files.exists(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
  }

  /** A configuration file's values, and its tree of keys to tell which ones it sets. */
  private record FileContent(ConfigFile values, JsonNode tree) {
    static final FileContent NONE = new FileContent(ConfigFile.empty(), MissingNode.getInstance());
  }

  private static FileContent readFile(Path path) {
    if (path == null) {
      return FileContent.NONE;
    }
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          "Configuration file "
              + path.toAbsolutePath()
              + " does not exist; check --config or LOOKOUT_CONFIG");
    }
    try {
      JsonNode tree = YAML.readTree(path.toFile());
      // An empty file, or one with only comments, means the defaults.
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return FileContent.NONE;
      }
      ConfigFile file = YAML.treeToValue(tree, ConfigFile.class);
      return new FileContent(file == null ? ConfigFile.empty() : file, tree);
    } catch (UnrecognizedPropertyException e) {
      throw unknownKey(path, e);
    } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
      Object value =
          e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
              ? invalid.getValue()
              : null;
      throw new IllegalArgumentException(
          "Invalid value "
              + (value == null ? "" : "'" + value + "' ")
              + "for key '"
              + keyPath(e)
              + "' in "
              + path
              + " (expected "
              + expected(e.getTargetType())
              + "); see the configuration table in the README",
          e);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      // Values the target type cannot hold, such as 1e400, which YAML reads as infinity.
      throw new IllegalArgumentException(
          "Invalid value for key '"
              + keyPath(e)
              + "' in "
              + path
              + ": "
              + e.getOriginalMessage()
              + "; use a plain number within range (see the configuration table in the README)",
          e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot read configuration file " + path + ": " + syntaxError(e), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read configuration file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Names the unknown key, the closest known one when it looks like a typo, and the rest. */
  private static IllegalArgumentException unknownKey(Path path, UnrecognizedPropertyException e) {
    String key = String.valueOf(e.getPropertyName());
    TreeSet<String> known = new TreeSet<>();
    for (Object id : e.getKnownPropertyIds()) {
      known.add(String.valueOf(id));
    }
    String closest = Suggestions.closest(key, known);
    return new IllegalArgumentException(
        "Unknown key '"
            + keyPath(e)
            + "' in "
            + path
            + (closest == null ? "" : "; did you mean '" + closest + "'?")
            + " Known keys at that level: "
            + String.join(", ", known),
        e);
  }

  /**
   * Describes a YAML syntax error or a duplicate key in one line, with its line and column. The
   * parsers' own messages span several lines and quote the source.
   */
  private static String syntaxError(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      Mark mark = yaml.getProblemMark();
      return "invalid YAML at line "
          + (mark.getLine() + 1)
          + ", column "
          + (mark.getColumn() + 1)
          + ": "
          + oneLine(yaml.getProblem());
    }
    JsonLocation location = e.getLocation();
    String where =
        location == null || location.getLineNr() < 1
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    String problem = oneLine(e.getOriginalMessage());
    if (problem.startsWith("Duplicate field ")) {
      return "duplicate key "
          + problem.substring("Duplicate field ".length())
          + where
          + "; keep one of them";
    }
    return problem + where;
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ");
  }

  /** Names the type a key expects in the words of the README, not Java's. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "another kind of value";
    }
    if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) {
      return "a decimal number";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list, written [a, b] or as lines that start with '- '";
    }
    if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a section of keys";
    }
    return type.getSimpleName();
  }

  private static String keyPath(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder key = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (key.length() > 0) {
          key.append('.');
        }
        key.append(reference.getFieldName());
      } else {
        key.append('[').append(reference.getIndex()).append(']');
      }
    }
    return key.toString();
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }

  private static int integer(String setting, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          setting + " must be a whole number, got '" + text + "'", e);
    }
  }

  private static Duration positive(String setting, Duration value) {
    if (value.isZero()) {
      throw new IllegalArgumentException(setting + " must be above 0, got 0; for example 100ms");
    }
    return value;
  }

  private static boolean bool(String setting, String text) {
    String value = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(setting + " must be true or false, got '" + text + "'");
  }

  private static long longValue(String setting, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          setting + " must be a whole number, got '" + text + "'", e);
    }
  }

  private static URI uri(String setting, String text) {
    try {
      return new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          setting + " must be a URL such as https://api.openai.com, got '" + text + "'", e);
    }
  }
}
