package dev.lookout.core.usage;

import java.util.Locale;

/** Where the token counts of a call came from. */
public enum UsageSource {
  /** Read from the provider's {@code usage} object. */
  PROVIDER,
  /** Counted by Lookout with the model's tokenizer because the provider sent no usage. */
  ESTIMATED;

  // Computed once, because the recorder reads it for every stored record.
  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** Returns the lower-case name used in storage and JSON. */
  public String wireName() {
    return wireName;
  }
}
