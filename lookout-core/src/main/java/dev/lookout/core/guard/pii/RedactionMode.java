package dev.lookout.core.guard.pii;

/** Replacement style that {@link PiiRedactor} applies to each detected value. */
public enum RedactionMode {
  /** The type in brackets, for example {@code [EMAIL]}. */
  PLACEHOLDER,
  /**
   * Every letter and digit becomes {@code *}, other characters stay, so the length and layout
   * remain visible. Card numbers keep their last four digits, as PCI DSS allows for display.
   */
  MASK,
  /**
   * The type and a keyed hash of the value, for example {@code [EMAIL:3f9a1c2b]}: the same value
   * under the same key always gives the same token, so records can still be joined on it.
   */
  HASH
}
