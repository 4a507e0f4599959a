package dev.lookout.core.guard;

import java.util.Locale;

/** A guard's decision about a text. */
public enum GuardAction {
  /** The text may pass unchanged. */
  PASS,
  /** The text is rewritten: the verdict carries the new text. */
  REDACT,
  /** The text must not pass: an input never reaches the provider. */
  BLOCK;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
