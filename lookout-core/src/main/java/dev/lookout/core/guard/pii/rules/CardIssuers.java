package dev.lookout.core.guard.pii.rules;

/**
 * Payment card issuer prefixes (IIN ranges) and the card lengths each issues, after the public
 * lists of ISO/IEC 7812 ranges (Visa, Mastercard, American Express, Discover, Diners Club, JCB,
 * UnionPay, Maestro). A number outside every range is not treated as a card even when it passes the
 * Luhn check.
 */
final class CardIssuers {
  private CardIssuers() {}

  /** Returns whether a card of {@code digits} (digits only) has a known prefix and length. */
  static boolean known(String digits) {
    int length = digits.length();
    int p1 = prefix(digits, 1);
    int p2 = prefix(digits, 2);
    int p3 = prefix(digits, 3);
    int p4 = prefix(digits, 4);
    int p6 = prefix(digits, 6);

    if (p1 == 4) {
      return length == 13 || length == 16 || length == 19; // Visa
    }
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
      return length == 16; // Mastercard
    }
    if (p2 == 34 || p2 == 37) {
      return length == 15; // American Express
    }
    if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) {
      return length >= 16 && length <= 19; // Discover
    }
    if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39 || p4 == 3095) {
      return length >= 14 && length <= 19; // Diners Club
    }
    if (p2 == 35) {
      // JCB issues 3528-3589. NOTE: the rest of 35 is unassigned, but test-data generators such as
      // Faker emit any 35 prefix, so it is accepted at the cost of a few false positives.
      return length >= 16 && length <= 19;
    }
    if (p4 == 1800 || p4 == 2131) {
      return length == 15; // JCB, older ranges
    }
    if (p2 == 62) {
      return length >= 16 && length <= 19; // UnionPay
    }
    if (p2 == 50 || (p2 >= 56 && p2 <= 69) || p4 == 604) {
      return length >= 12 && length <= 19; // Maestro, including the old UK range 0604
    }
    return false;
  }

  private static int prefix(String digits, int count) {
    return Integer.parseInt(digits.substring(0, Math.min(count, digits.length())));
  }

  /** Returns whether {@code digits} (digits only) passes the Luhn (mod 10) check. */
  static boolean luhn(String digits) {
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubleIt) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }
}
