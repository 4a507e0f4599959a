package dev.lookout.core.guard.pii.rules;

/**
 * Check digits of the numbers printed on books and goods: GTIN (EAN-8, UPC-A, EAN-13 and ISBN-13,
 * GTIN-14) and ISBN-10. Such numbers are often possible phone numbers too.
 */
final class ProductCodes {
  private ProductCodes() {}

  /** Returns whether {@code digits} (digits only) is a GTIN or an ISBN-10 with a valid check. */
  static boolean valid(String digits) {
    return gtin(digits) || isbn10(digits);
  }

  /** GS1 check: weights 3 and 1 alternate from the digit left of the check digit. */
  static boolean gtin(String digits) {
    int length = digits.length();
    if (length != 8 && length != 12 && length != 13 && length != 14) {
      return false;
    }
    int sum = 0;
    for (int i = length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
      sum += (digits.charAt(i) - '0') * weight;
    }
    return (10 - sum % 10) % 10 == digits.charAt(length - 1) - '0';
  }

  /**
   * ISBN-10 check: the digits weighted 10 down to 1 sum to a multiple of 11. A check "digit" of X
   * (10) is not handled, because phone candidates hold digits only.
   */
  static boolean isbn10(String digits) {
    if (digits.length() != 10) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    return sum % 11 == 0;
  }
}
