package dev.lookout.core.guard.pii.rules;

import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.pii.PiiType;
import dev.lookout.core.guard.pii.SpanDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers of 12 to 19 digits, written solid or in groups split by single spaces
 * or hyphens. A candidate must pass the Luhn check and match a known issuer prefix and length
 * ({@link CardIssuers}). Words such as "order" or "invoice" just before the number drop it, since
 * one random number in ten passes Luhn. A comma and a digit may follow a number, as the next field
 * of a CSV row does.
 */
public final class CreditCardDetector implements SpanDetector {
  private static final Pattern CANDIDATE =
      Pattern.compile("\\d(?<![\\w.+-]\\d)(?:[ -]?\\d){11,18}(?![\\w]|[.-]\\d)");

  /** Chars that end the CSV field before a card number. */
  private static final String FIELD_SEPARATORS = ",;\t\n\"'";

  private static final ContextWords SUPPORT =
      new ContextWords(
          List.of(
              "card*",
              "*card",
              "visa",
              "amex",
              "credit*",
              "debit*",
              "cc",
              "ccn*",
              "payment*",
              "paid",
              "pay",
              "billing",
              "refund*",
              "expiry",
              "expires",
              "expiration",
              "exp"),
          40,
          10);
  private static final ContextWords AGAINST =
      new ContextWords(
          List.of(
              "order*",
              "invoice*",
              "tracking",
              "ref",
              "reference*",
              "refno",
              "account no",
              "isbn",
              "ean*",
              "gtin",
              "upc",
              "barcode*",
              "siret",
              "siren",
              "serial*",
              "ticket*",
              "phone*",
              "telephone*",
              "tel",
              "fax",
              "mobile*"),
          25,
          0);

  /**
   * Minimum digits of a card reported without a card word near. Maestro and old Visa numbers of 12
   * or 13 digits are rare, while waybill, account and national ID numbers of that length are
   * common, and one in ten of them passes the Luhn check.
   */
  private static final int MIN_DIGITS_ALONE = 14;

  /** Minimum score to report; a candidate with a counter context word falls below it. */
  private static final double THRESHOLD = 0.5;

  @Override
  public Set<PiiType> types() {
    return Set.of(PiiType.CREDIT_CARD);
  }

  @Override
  public List<Finding> detect(String text) {
    List<Finding> findings = new ArrayList<>();
    TableColumn columns = new TableColumn(text);
    Matcher matcher = CANDIDATE.matcher(text);
    while (matcher.find()) {
      if (decimalCommaFollows(text, matcher.start(), matcher.end())) {
        continue;
      }
      // A card read out in a call may be grouped any way ("3700 76 74 057 46 88"). With a card
      // word near, the grouping need not be the printed one.
      boolean anyGrouping = SUPPORT.near(text, matcher.start(), matcher.end());
      int end = validEnd(text, matcher.start(), matcher.end(), anyGrouping);
      if (end < 0) {
        continue;
      }
      double score = Scores.VALIDATED;
      boolean supported =
          end == matcher.end() ? anyGrouping : SUPPORT.near(text, matcher.start(), end);
      if (!supported
          && digitsOf(text.substring(matcher.start(), end)).length() < MIN_DIGITS_ALONE) {
        continue;
      }
      if (supported) {
        score = Scores.boost(score);
      } else if (AGAINST.near(text, matcher.start(), end)
          || againstHeader(columns.header(matcher.start()))) {
        score -= Scores.CONTEXT_PENALTY;
      }
      if (score >= THRESHOLD) {
        findings.add(new Finding(PiiType.CREDIT_CARD.name(), matcher.start(), end, score));
      }
    }
    return findings;
  }

  /**
   * Returns whether a table column's header names another kind of number ("Reference") and no card
   * ("Card or reference").
   */
  private static boolean againstHeader(String header) {
    return AGAINST.occursIn(header) && !SUPPORT.occursIn(header);
  }

  /**
   * Returns where a valid card number that starts the candidate {@code [start, end)} ends, or -1.
   * The pattern takes as many groups as it can, so a grouped number followed by another number, as
   * in "4111 1111 1111 1111 12/27", is tried again without its last groups.
   */
  private static int validEnd(String text, int start, int end, boolean anyGrouping) {
    while (true) {
      String candidate = text.substring(start, end);
      String digits = digitsOf(candidate);
      if (digits.length() < 12) {
        return -1;
      }
      if (consistentSeparators(candidate)
          && (anyGrouping || cardGrouping(candidate))
          && !partOfLongerNumber(text, start, end)
          && CardIssuers.luhn(digits)
          && CardIssuers.known(digits)) {
        return end;
      }
      int lastSeparator = Math.max(candidate.lastIndexOf(' '), candidate.lastIndexOf('-'));
      if (lastSeparator < 0) {
        return -1;
      }
      end = start + lastSeparator;
    }
  }

  static String digitsOf(String candidate) {
    StringBuilder digits = new StringBuilder(candidate.length());
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  /**
   * Returns whether a grouped candidate starts as cards are printed: a first group of four digits
   * and middle groups of four or six (the 4-6-5 layout of American Express). An order number such
   * as "595-4135509-8990518" does not. The last group may be longer, since a value whose invisible
   * separator was dropped ("4111 1111 1111\u00ad1111") reads as "4111 1111 11111111".
   */
  static boolean cardGrouping(String candidate) {
    String[] groups = candidate.split("[ -]");
    if (groups.length == 1) {
      return true;
    }
    if (groups[0].length() != 4) {
      return false;
    }
    for (int i = 1; i < groups.length - 1; i++) {
      if (groups[i].length() != 4 && groups[i].length() != 6) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether the candidate is a part of a longer run of digit groups, as in the digits of an
   * IBAN "SE53 4120 1544 9560 5836 3724" whose checksum failed. Such a run has a digit and a
   * separator right before the candidate, or a separator and four digits right after it.
   */
  private static boolean partOfLongerNumber(String text, int start, int end) {
    if (start >= 2 && isSeparator(text.charAt(start - 1)) && isDigit(text.charAt(start - 2))) {
      return true;
    }
    if (end + 5 > text.length() || !isSeparator(text.charAt(end))) {
      return false;
    }
    for (int i = end + 1; i <= end + 4; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return end + 5 == text.length() || !isDigit(text.charAt(end + 5));
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Returns whether a comma and a digit follow {@code [start, end)} while no field separator comes
   * before it: then the comma is a decimal one ("5105105105105100,00 EUR"), not the end of a CSV
   * field ("Ann,4539148803436467,5").
   */
  private static boolean decimalCommaFollows(String text, int start, int end) {
    if (end + 1 >= text.length() || text.charAt(end) != ',' || !isDigit(text.charAt(end + 1))) {
      return false;
    }
    return start > 0 && FIELD_SEPARATORS.indexOf(text.charAt(start - 1)) < 0;
  }

  /** Rejects mixes such as "1234 5678-9012", which card numbers are not written as. */
  private static boolean consistentSeparators(String candidate) {
    return candidate.indexOf(' ') < 0 || candidate.indexOf('-') < 0;
  }
}
