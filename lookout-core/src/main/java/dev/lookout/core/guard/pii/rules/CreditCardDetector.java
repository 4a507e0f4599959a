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
 * one random number in ten passes Luhn.
 */
public final class CreditCardDetector implements SpanDetector {
  private static final Pattern CANDIDATE =
      Pattern.compile("\\d(?<![\\w.+-]\\d)(?:[ -]?\\d){11,18}(?![\\w]|[.,-]\\d)");

  private static final ContextWords SUPPORT =
      new ContextWords(
          List.of("card*", "*card", "visa", "amex", "credit*", "debit*", "cc", "ccn*", "payment*"),
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
              "serial*",
              "ticket*",
              "phone*",
              "telephone*",
              "tel",
              "fax",
              "mobile*"),
          25,
          0);

  /** Minimum score to report; a candidate with a counter context word falls below it. */
  private static final double THRESHOLD = 0.5;

  @Override
  public Set<PiiType> types() {
    return Set.of(PiiType.CREDIT_CARD);
  }

  @Override
  public List<Finding> detect(String text) {
    List<Finding> findings = new ArrayList<>();
    Matcher matcher = CANDIDATE.matcher(text);
    while (matcher.find()) {
      String candidate = matcher.group();
      String digits = digitsOf(candidate);
      if (!consistentSeparators(candidate)
          || !CardIssuers.luhn(digits)
          || !CardIssuers.known(digits)) {
        continue;
      }
      double score = Scores.VALIDATED;
      if (SUPPORT.near(text, matcher.start(), matcher.end())) {
        score = Scores.boost(score);
      } else if (AGAINST.near(text, matcher.start(), matcher.end())) {
        score -= Scores.CONTEXT_PENALTY;
      }
      if (score >= THRESHOLD) {
        findings.add(
            new Finding(PiiType.CREDIT_CARD.name(), matcher.start(), matcher.end(), score));
      }
    }
    return findings;
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

  /** Rejects mixes such as "1234 5678-9012", which card numbers are not written as. */
  private static boolean consistentSeparators(String candidate) {
    return candidate.indexOf(' ') < 0 || candidate.indexOf('-') < 0;
  }
}
