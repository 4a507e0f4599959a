package dev.lookout.core.guard.pii;

/**
 * Kinds of personal data and secrets that the PII guard detects. The names are the {@code type} of
 * each {@link dev.lookout.core.guard.Finding} and the label inside placeholders such as {@code
 * [EMAIL]}.
 */
public enum PiiType {
  EMAIL,
  PHONE,
  CREDIT_CARD,
  US_SSN,
  IBAN,
  IP_ADDRESS,
  SECRET,
  PERSON,
  ADDRESS,
  LOCATION;

  /**
   * Returns the type named {@code name}, or {@code null} when no type has that name (for example a
   * label in a data set that this guard does not detect).
   */
  public static PiiType parseOrNull(String name) {
    for (PiiType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    return null;
  }
}
