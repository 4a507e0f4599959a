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
 * Finds e-mail addresses in the common {@code local@domain.tld} form and checks the limits of RFC
 * 5321 and RFC 1035: a local part of at most 64 characters without leading, trailing or doubled
 * dots, and domain labels of 1 to 63 characters that neither start nor end with a hyphen, under an
 * alphabetic top-level domain. Quoted local parts and IP-literal domains are not detected.
 */
public final class EmailDetector implements SpanDetector {
  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]{1,64})@((?:[A-Za-z0-9-]{1,63}\\.)+[A-Za-z]{2,24})(?![A-Za-z0-9-])");

  /** Most '@' signs examined in one text. */
  static final int MAX_AT_SIGNS = 5_000;

  @Override
  public Set<PiiType> types() {
    return Set.of(PiiType.EMAIL);
  }

  @Override
  public List<Finding> detect(String text) {
    List<Finding> findings = new ArrayList<>();
    if (text.indexOf('@') < 0) {
      return findings;
    }
    // The pattern runs only on a window around each '@', not over the whole text.
    Matcher matcher = CANDIDATE.matcher(text);
    int searched = 0;
    int examined = 0;
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      // NOTE: a text with more '@' signs than this is scanned only up to the limit, so that
      // '@'-stuffed input cannot cost seconds; later addresses in it are not found.
      if (++examined > MAX_AT_SIGNS) {
        break;
      }
      int from = Math.max(searched, at - 64);
      int to = Math.min(text.length(), at + 256);
      matcher.region(from, to);
      matcher.useTransparentBounds(true);
      if (matcher.find() && matcher.start() <= at) {
        if (validLocalPart(matcher.group(1)) && validDomain(matcher.group(2))) {
          findings.add(
              new Finding(PiiType.EMAIL.name(), matcher.start(), matcher.end(), Scores.VALIDATED));
        }
        searched = matcher.end();
      }
    }
    return findings;
  }

  static boolean validLocalPart(String local) {
    return !local.startsWith(".") && !local.endsWith(".") && !local.contains("..");
  }

  static boolean validDomain(String domain) {
    if (domain.length() > 253) {
      return false;
    }
    for (String label : domain.split("\\.", -1)) {
      if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
    }
    return true;
  }
}
