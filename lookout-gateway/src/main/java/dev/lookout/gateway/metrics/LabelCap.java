package dev.lookout.gateway.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps the distinct values of one metric label so a caller cannot explode the cardinality of the
 * metrics by sending many model or template names. The first {@code max} distinct values are kept;
 * every later one is reported as {@value #OTHER}, and so is a value longer than {@value
 * #MAX_VALUE_CHARS} characters, so that neither the number nor the size of label values is
 * unbounded. A missing value is reported as {@value #NONE}.
 */
public final class LabelCap {
  public static final String OTHER = "other";
  public static final String NONE = "none";

  /** Maximum length of a kept label value; model and template names are far shorter in practice. */
  public static final int MAX_VALUE_CHARS = 128;

  private final int max;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  public LabelCap(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("metrics label cap must be at least 1, got " + max);
    }
    this.max = max;
  }

  /** Returns {@code value} when it is already known or there is room for it, else "other". */
  public String apply(String value) {
    if (value == null || value.isEmpty()) {
      return NONE;
    }
    if (value.length() > MAX_VALUE_CHARS) {
      return OTHER;
    }
    if (seen.contains(value)) {
      return value;
    }
    // Two threads may both pass the size check; the cap can then be exceeded by at most the
    // number of event-loop threads, which keeps cardinality bounded.
    if (seen.size() >= max) {
      return OTHER;
    }
    seen.add(value);
    return value;
  }
}
