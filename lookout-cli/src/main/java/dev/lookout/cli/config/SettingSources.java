package dev.lookout.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks each setting's value from its flag, its {@code LOOKOUT_*} variable, the configuration file
 * or its default, in that order, and remembers which one the user typed. An error about a value
 * then starts with what the user typed: {@code --port 70000}, {@code LOOKOUT_DRIFT_WINDOW_SIZE=abc}
 * or the file's name, rather than only the setting's key.
 */
final class SettingSources {
  /** A key at the start of a message: {@code port}, {@code drift.window_size}, {@code users[2]}. */
  private static final Pattern LEADING_KEY =
      Pattern.compile("^([A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+|\\[\\d+])*)[ :]");

  /** A dotted key inside a message, such as {@code drift.alpha} in a check of permutations. */
  private static final Pattern DOTTED_KEY =
      Pattern.compile("(?<![\\w.])([a-z_]+(?:\\.[a-z_]+)+)(?![\\w.])");

  /** Characters shown without quotes in a flag's or variable's value. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

  private final Map<String, String> env;
  private final Path file;
  private final JsonNode fileKeys;

  /** Values typed by the user for settings set by a flag or a variable, by the setting's key. */
  private final Map<String, String> typed = new TreeMap<>();

  /**
   * @param file the configuration file, or null when none is read
   * @param fileKeys the file's content as a tree, to tell which keys it sets
   */
  SettingSources(Map<String, String> env, Path file, JsonNode fileKeys) {
    this.env = env;
    this.file = file;
    this.fileKeys = fileKeys;
  }

  /**
   * Returns the value of setting {@code key}: the flag's when given, else the variable's when set
   * and not blank, else the file's when set, else {@code fallback}.
   *
   * @param flag the flag's name, such as {@code --port}, or null when the setting has none
   * @param flagValue the flag's value, or null when it was not given
   * @param variable the environment variable's name, or null when the setting has none
   */
  String pick(
      String key,
      String flag,
      String flagValue,
      String variable,
      String fileValue,
      String fallback) {
    if (flagValue != null) {
      typed.put(key, flag + " " + shown(flagValue));
      return flagValue;
    }
    String fromEnv = variable == null ? null : env.get(variable);
    if (fromEnv != null && !fromEnv.isBlank()) {
      typed.put(key, variable + "=" + shown(fromEnv));
      return fromEnv;
    }
    return fileValue != null ? fileValue : fallback;
  }

  /** Returns the value of setting {@code key}, which has no flag: see the other {@code pick}. */
  String pick(String key, String variable, String fileValue, String fallback) {
    return pick(key, null, null, variable, fileValue, fallback);
  }

  /**
   * Returns {@code error} with what the user typed for the settings its message names put in front,
   * or {@code error} itself when the user typed none of them. The setting a message starts with
   * comes first, from a flag, a variable or the file. Other settings that the message names by
   * their dotted keys follow when a flag or variable set them.
   */
  IllegalArgumentException attribute(IllegalArgumentException error) {
    String message = error.getMessage();
    if (message == null) {
      return error;
    }
    Set<String> sources = new LinkedHashSet<>();
    Matcher leading = LEADING_KEY.matcher(message);
    if (leading.find()) {
      String key = leading.group(1);
      if (typed.containsKey(key)) {
        sources.add(typed.get(key));
      } else if (fileSets(key)) {
        sources.add(file.toString());
      }
    }
    Matcher dotted = DOTTED_KEY.matcher(message);
    while (dotted.find()) {
      String source = typed.get(dotted.group(1));
      if (source != null) {
        sources.add(source);
      }
    }
    if (sources.isEmpty()) {
      return error;
    }
    return new IllegalArgumentException(String.join(", ", sources) + ": " + message, error);
  }

  /** Returns whether the configuration file sets {@code key}, written as in a message. */
  private boolean fileSets(String key) {
    if (file == null) {
      return false;
    }
    String pointer = "/" + key.replace(".", "/").replaceAll("\\[(\\d+)]", "/$1");
    return !fileKeys.at(pointer).isMissingNode();
  }

  /** Returns {@code value} as a shell would need it: quoted when it has spaces or quotes. */
  private static String shown(String value) {
    return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
  }
}
