package dev.lookout.store.report;

import java.math.BigDecimal;

/** Text form of a US dollar amount in reports. */
public final class CostFormat {
  /**
   * Minimum number of decimal places, so amounts of a fraction of a cent line up and stay readable.
   */
  static final int MIN_SCALE = 9;

  private CostFormat() {}

  /** Returns a plain decimal with at least 9 decimal places, for example {@code 0.001234500}. */
  public static String plain(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    BigDecimal scaled = stripped.scale() < MIN_SCALE ? stripped.setScale(MIN_SCALE) : stripped;
    return scaled.toPlainString();
  }
}
