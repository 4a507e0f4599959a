package dev.lookout.cli.config;

import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.Guard;
import dev.lookout.core.guard.GuardPipeline;
import dev.lookout.core.guard.GuardVerdict;
import dev.lookout.core.guard.injection.InjectionClassifier;
import dev.lookout.core.guard.injection.InjectionGuard;
import dev.lookout.core.guard.pii.PiiDetector;
import dev.lookout.core.guard.pii.PiiGuard;
import dev.lookout.core.guard.pii.PiiRedactor;
import dev.lookout.core.guard.pii.PiiType;
import dev.lookout.core.guard.pii.RedactionMode;
import dev.lookout.core.guard.pii.rules.PhoneDetector;
import dev.lookout.gateway.guard.GuardSettings;
import dev.lookout.gateway.guard.GuardTextRedactor;
import dev.lookout.gateway.guard.InputGuarding;
import dev.lookout.gateway.guard.OutputGuarding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Builds the gateway's guards from the {@code guards:} section. Defaults: injection detection
 * blocks inputs at the model's threshold; PII is detected on inputs and recorded (the prompt goes
 * upstream unchanged), responses are not rewritten, and stored error messages and metadata are
 * redacted.
 */
final class GuardConfig {
  /**
   * Variable that contains the key of the {@code hash} redaction mode unless configured otherwise.
   */
  static final String DEFAULT_HASH_KEY_ENV = "LOOKOUT_PII_HASH_KEY";

  /**
   * Longest streamed value the PII guard waits for before it releases text; longer secrets (PEM
   * blocks) can be split across releases.
   */
  private static final int PII_HOLDBACK_CHARS = 256;

  /**
   * Types detected unless configured: the validated ones. Names and addresses come from a
   * statistical tagger whose false positives on everyday words make it opt-in.
   */
  static final Set<PiiType> DEFAULT_TYPES = PiiDetector.DEFAULT_TYPES;

  private GuardConfig() {}

  static GuardSettings from(ConfigFile.Guards guards, Map<String, String> env) {
    ConfigFile.Injection injection = guards == null ? null : guards.injection();
    ConfigFile.Pii pii = guards == null ? null : guards.pii();
    GuardSettings global = build(injection, pii, env, "guards.");
    if (guards == null || guards.templates() == null || guards.templates().isEmpty()) {
      return global;
    }
    Map<String, GuardSettings> templates = new LinkedHashMap<>();
    List<ConfigFile.Pii> scopes = new ArrayList<>();
    scopes.add(pii);
    for (Map.Entry<String, ConfigFile.Guards> entry : guards.templates().entrySet()) {
      ConfigFile.Guards template = entry.getValue();
      if (template == null) {
        continue;
      }
      if (template.templates() != null) {
        throw new IllegalArgumentException(
            "guards.templates."
                + entry.getKey()
                + ".templates is not supported: templates cannot nest; move its entries under"
                + " guards.templates");
      }
      ConfigFile.Pii own = merge(pii, template.pii(), entry.getKey());
      scopes.add(own);
      templates.put(
          entry.getKey(),
          build(
              merge(injection, template.injection()),
              own,
              env,
              "guards.templates." + entry.getKey() + "."));
    }
    // Only the PII guard of this scope is used, so its injection guard is not built.
    ConfigFile.Injection noInjection = new ConfigFile.Injection(false, null, null);
    UnaryOperator<String> storage =
        build(noInjection, storagePii(pii, scopes), env, "guards.").storageRedactor();
    templates.replaceAll((name, own) -> new GuardSettings(own.input(), own.output(), storage));
    return new GuardSettings(global.input(), global.output(), storage, templates);
  }

  /**
   * Returns the global PII settings with the types and phone regions of every scope that has PII
   * on, so that the stored copy of a call never keeps a value that its template's guard found.
   * Stored texts are redacted gateway-wide, with the global mode and key.
   */
  static ConfigFile.Pii storagePii(ConfigFile.Pii global, List<ConfigFile.Pii> scopes) {
    if (global != null && Boolean.FALSE.equals(global.enabled())) {
      return global;
    }
    Set<String> types = new LinkedHashSet<>();
    Set<String> regions = new LinkedHashSet<>();
    for (ConfigFile.Pii scope : scopes) {
      if (scope != null && Boolean.FALSE.equals(scope.enabled())) {
        continue;
      }
      types(scope, "guards.").forEach(type -> types.add(type.name()));
      regions.addAll(phoneRegions(scope, "guards."));
    }
    return new ConfigFile.Pii(
        global == null ? null : global.enabled(),
        global == null ? null : global.input(),
        global == null ? null : global.output(),
        global == null ? null : global.mode(),
        global == null ? null : global.hashKeyEnv(),
        List.copyOf(types),
        List.copyOf(regions));
  }

  /** Returns {@code global} with every key that {@code template} sets replaced by its value. */
  static ConfigFile.Injection merge(ConfigFile.Injection global, ConfigFile.Injection template) {
    if (template == null) {
      return global;
    }
    if (global == null) {
      return template;
    }
    return new ConfigFile.Injection(
        first(template.enabled(), global.enabled()),
        first(template.threshold(), global.threshold()),
        first(template.checkOutput(), global.checkOutput()));
  }

  /**
   * Returns {@code global} with every key that {@code template} sets replaced by its value.
   *
   * @throws IllegalArgumentException when the template sets {@code hash_key_env}, because the
   *     stored records of every template share one key
   */
  static ConfigFile.Pii merge(ConfigFile.Pii global, ConfigFile.Pii template, String name) {
    if (template == null) {
      return global;
    }
    boolean globalOff = global != null && Boolean.FALSE.equals(global.enabled());
    if (globalOff && !Boolean.FALSE.equals(template.enabled())) {
      // Stored error messages and metadata are redacted gateway-wide, by the global settings.
      throw new IllegalArgumentException(
          "guards.templates."
              + name
              + ".pii turns PII on while guards.pii.enabled is false, so its stored records would"
              + " not be redacted; enable guards.pii (input: \"off\" checks no prompts) and turn"
              + " it off per template instead");
    }
    if (template.hashKeyEnv() != null) {
      throw new IllegalArgumentException(
          "guards.templates."
              + name
              + ".pii.hash_key_env is not supported: every template hashes with the key of"
              + " guards.pii.hash_key_env; remove it from the template");
    }
    if (global == null) {
      return template;
    }
    return new ConfigFile.Pii(
        first(template.enabled(), global.enabled()),
        first(template.input(), global.input()),
        first(template.output(), global.output()),
        first(template.mode(), global.mode()),
        global.hashKeyEnv(),
        first(template.types(), global.types()),
        first(template.phoneRegions(), global.phoneRegions()));
  }

  private static <T> T first(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }

  /**
   * Builds the guards of one scope. {@code prefix} names the scope's keys in error messages ({@code
   * guards.} or {@code guards.templates.faq-bot.}): the global keys are checked first, so a
   * template's error comes from a key the template sets.
   */
  private static GuardSettings build(
      ConfigFile.Injection injection, ConfigFile.Pii pii, Map<String, String> env, String prefix) {
    List<Guard> input = new ArrayList<>();
    List<Guard> output = new ArrayList<>();

    if (injection == null || !Boolean.FALSE.equals(injection.enabled())) {
      InjectionClassifier classifier = InjectionClassifier.builtIn();
      double threshold =
          injection == null || injection.threshold() == null
              ? classifier.threshold()
              : injection.threshold();
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException(
            prefix + "injection.threshold must be above 0 and at most 1, got " + threshold);
      }
      boolean checkOutput = injection != null && Boolean.TRUE.equals(injection.checkOutput());
      InjectionGuard guard = new InjectionGuard(classifier, threshold, checkOutput);
      input.add(guard);
      if (checkOutput) {
        output.add(guard);
      }
    }

    boolean piiOn = pii == null || !Boolean.FALSE.equals(pii.enabled());
    String inputMode =
        choice(
            prefix + "pii.input",
            pii == null ? null : pii.input(),
            "detect",
            Set.of("redact", "detect", "off"));
    String outputMode =
        choice(
            prefix + "pii.output",
            pii == null ? null : pii.output(),
            "off",
            Set.of("redact", "off"));
    UnaryOperator<String> storage = UnaryOperator.identity();
    if (piiOn) {
      PiiDetector detector = PiiDetector.withTypes(types(pii, prefix), phoneRegions(pii, prefix));
      PiiRedactor redactor = new PiiRedactor(mode(pii, prefix), hashKey(pii, env, prefix));
      Guard guard = withHoldback(new PiiGuard(detector, redactor), redactor);
      if (!inputMode.equals("off")) {
        input.add(guard);
      }
      if (outputMode.equals("redact")) {
        output.add(guard);
      }
      storage = new GuardTextRedactor(guard);
    }
    GuardPipeline pipeline = new GuardPipeline(input, output);
    return new GuardSettings(
        new InputGuarding(pipeline, inputMode.equals("redact")),
        new OutputGuarding(pipeline),
        storage);
  }

  private static Guard withHoldback(Guard guard, PiiRedactor redactor) {
    return new Guard() {
      @Override
      public String redact(String text, List<dev.lookout.core.guard.Finding> findings) {
        return redactor.redact(text, findings);
      }

      @Override
      public String name() {
        return guard.name();
      }

      @Override
      public GuardVerdict check(String text, Direction direction) {
        return guard.check(text, direction);
      }

      @Override
      public int holdbackChars() {
        return PII_HOLDBACK_CHARS;
      }
    };
  }

  private static Set<PiiType> types(ConfigFile.Pii pii, String prefix) {
    if (pii == null || pii.types() == null) {
      return DEFAULT_TYPES;
    }
    Set<PiiType> types = EnumSet.noneOf(PiiType.class);
    for (String name : pii.types()) {
      PiiType type = PiiType.parseOrNull(name);
      if (type == null) {
        throw new IllegalArgumentException(
            prefix
                + "pii.types has an unknown type '"
                + name
                + "'; known types: "
                + java.util.Arrays.toString(PiiType.values()));
      }
      types.add(type);
    }
    if (types.isEmpty()) {
      throw new IllegalArgumentException(
          prefix
              + "pii.types is empty; list at least one type, or set "
              + prefix
              + "pii.enabled: false");
    }
    return types;
  }

  /**
   * Returns the phone numbering plans to try, in upper case and in order, or the defaults.
   *
   * @throws IllegalArgumentException naming the key, when the list is empty or names a region that
   *     libphonenumber does not know
   */
  private static List<String> phoneRegions(ConfigFile.Pii pii, String prefix) {
    if (pii == null || pii.phoneRegions() == null) {
      return PhoneDetector.DEFAULT_REGIONS;
    }
    return PhoneDetector.regions(pii.phoneRegions(), prefix + "pii.phone_regions");
  }

  private static RedactionMode mode(ConfigFile.Pii pii, String prefix) {
    String name = pii == null || pii.mode() == null ? "placeholder" : pii.mode();
    try {
      return RedactionMode.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          prefix + "pii.mode must be placeholder, mask or hash, got '" + name + "'", e);
    }
  }

  private static byte[] hashKey(ConfigFile.Pii pii, Map<String, String> env, String prefix) {
    if (mode(pii, prefix) != RedactionMode.HASH) {
      return null;
    }
    String variable =
        pii.hashKeyEnv() == null || pii.hashKeyEnv().isBlank()
            ? DEFAULT_HASH_KEY_ENV
            : pii.hashKeyEnv();
    String key = env.get(variable);
    if (key == null || key.length() < 16) {
      throw new IllegalArgumentException(
          prefix
              + "pii.mode hash needs a key of at least 16 characters in the environment"
              + " variable "
              + variable
              + "; set it, or choose mode placeholder or mask");
    }
    return key.getBytes(StandardCharsets.UTF_8);
  }

  private static String choice(String setting, String value, String fallback, Set<String> allowed) {
    String chosen = value == null ? fallback : value.trim().toLowerCase(Locale.ROOT);
    // YAML 1.1 reads an unquoted off as the boolean false.
    if (chosen.equals("false")) {
      chosen = "off";
    }
    if (!allowed.contains(chosen)) {
      throw new IllegalArgumentException(
          setting
              + " must be one of "
              + new java.util.TreeSet<>(allowed)
              + ", got '"
              + value
              + "'");
    }
    return chosen;
  }
}
