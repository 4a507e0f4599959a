package dev.lookout.core.guard.pii.rules;

import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.pii.PiiType;
import dev.lookout.core.guard.pii.SpanDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds International Bank Account Numbers, solid or in groups of four split by single spaces or
 * hyphens, in upper or lower case. A candidate must have the length that the SWIFT IBAN registry
 * sets for its country and pass the ISO 13616 mod-97 check.
 */
public final class IbanDetector implements SpanDetector {
  private static final Map<String, Integer> LENGTHS = lengths();

  @Override
  public Set<PiiType> types() {
    return Set.of(PiiType.IBAN);
  }

  @Override
  public List<Finding> detect(String text) {
    List<Finding> findings = new ArrayList<>();
    // A plain scan for "two letters, two digits" at a word start is much cheaper than letting a
    // pattern try every position of the text.
    int from = 0;
    while ((from = nextStart(text, from)) >= 0) {
      int end = candidateEnd(text, from);
      if (end > 0 && valid(text.substring(from, end))) {
        findings.add(new Finding(PiiType.IBAN.name(), from, end, Scores.VALIDATED));
        from = end;
      } else {
        from++;
      }
    }
    return findings;
  }

  /**
   * Returns the end of the IBAN that starts at {@code start}, or -1. The country's length sets
   * where it ends, so a word or number that follows, as in "AT89 0169 5259 6964 4659 by Friday", is
   * not taken in. One space or hyphen may follow each group of four, always the same one.
   */
  private static int candidateEnd(String text, int start) {
    Integer length = LENGTHS.get(text.substring(start, start + 2).toUpperCase(Locale.ROOT));
    if (length == null) {
      return -1;
    }
    char separator = 0;
    int i = start;
    for (int count = 0; count < length; count++) {
      if (count > 0 && count % 4 == 0 && i < text.length() && isSeparator(text.charAt(i))) {
        if (separator != 0 && separator != text.charAt(i)) {
          return -1;
        }
        separator = text.charAt(i);
        i++;
      }
      if (i >= text.length() || !isAsciiLetterOrDigit(text.charAt(i))) {
        return -1;
      }
      i++;
    }
    // A Latin letter or digit right after the last one makes the value longer than an IBAN. Other
    // scripts may follow directly, as Japanese does in "NL98RABO5974157384まで".
    if (i < text.length() && isAsciiLetterOrDigit(text.charAt(i))) {
      return -1;
    }
    return i;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || isDigit(c);
  }

  /**
   * Returns the next index from {@code from} where two letters and two digits start a word or
   * follow a SWIFT subfield code.
   */
  private static int nextStart(String text, int from) {
    for (int i = from; i + 3 < text.length(); i++) {
      if (isAsciiLetter(text.charAt(i))
          && isAsciiLetter(text.charAt(i + 1))
          && isDigit(text.charAt(i + 2))
          && isDigit(text.charAt(i + 3))
          && (i == 0 || !isAsciiLetterOrDigit(text.charAt(i - 1)) || afterSubfieldCode(text, i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns whether a SWIFT subfield code such as {@code ?38} comes right before {@code i}. Bank
   * statements in the MT940 format write the payer's or payee's IBAN right after one, as in
   * "?31COBADEFFXXX?32Stadtwerke Bonn?38DE90701500006978182138".
   */
  private static boolean afterSubfieldCode(String text, int i) {
    return i >= 3
        && text.charAt(i - 3) == '?'
        && isDigit(text.charAt(i - 2))
        && isDigit(text.charAt(i - 1));
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Returns whether {@code candidate} (spaces and hyphens allowed) is an IBAN of the right length
   * and sum.
   */
  public static boolean valid(String candidate) {
    String iban = candidate.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    if (iban.length() < 4) {
      return false;
    }
    Integer length = LENGTHS.get(iban.substring(0, 2));
    if (length == null || iban.length() != length) {
      return false;
    }
    return mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
  }

  private static int mod97(String rearranged) {
    int remainder = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      int value;
      if (c >= '0' && c <= '9') {
        value = c - '0';
        remainder = (remainder * 10 + value) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        value = c - 'A' + 10;
        remainder = (remainder * 100 + value) % 97;
      } else {
        return -1;
      }
    }
    return remainder;
  }

  private static Map<String, Integer> lengths() {
    String table =
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22"
            + " DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28"
            + " HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21"
            + " LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29"
            + " PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23"
            + " TN24 TR26 UA29 VA22 VG24 XK20 YE30";
    Map<String, Integer> lengths = new HashMap<>();
    for (String entry : table.split(" ")) {
      lengths.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
    }
    return Map.copyOf(lengths);
  }
}
