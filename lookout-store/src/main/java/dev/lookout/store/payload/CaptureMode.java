package dev.lookout.store.payload;

import java.util.Locale;

/** Capture mode: how much of a call's request and response bodies the gateway stores. */
public enum CaptureMode {
  /** Nothing. */
  OFF,
  /** The bodies after PII redaction of every string value in them. */
  REDACTED,
  /** The bodies as received. */
  FULL;

  /** Returns the name used in flags, configuration and the payload JSON: {@code redacted}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code off}, {@code redacted} or {@code full}.
   *
   * @param setting the flag or key that held the text, named in the error
   * @throws IllegalArgumentException naming the setting and the value
   */
  public static CaptureMode parse(String setting, String text) {
    for (CaptureMode mode : values()) {
      if (mode.wireName().equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        setting + " must be off, redacted or full, got '" + text + "'");
  }
}
