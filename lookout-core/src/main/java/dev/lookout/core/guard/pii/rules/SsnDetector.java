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
 * Finds US Social Security numbers written {@code AAA-GG-SSSS}, and those written {@code AAA GG
 * SSSS}, {@code AAA.GG.SSSS}, {@code AAA - GG - SSSS} or as nine solid digits when a word such as
 * "SSN" or "social security" is near, or when the number continues a list whose earlier number has
 * such a word near. The Social Security Administration never issues area 000, 666 or 900-999, group
 * 00 or serial 0000, and a few numbers that were published in advertising are rejected too.
 */
public final class SsnDetector implements SpanDetector {
  /**
   * Nine digits in the three groups, with no digit, cased letter, underscore, dot or sign glued
   * before them and no digit, cased letter or underscore after. A cased letter (Latin, Greek,
   * Cyrillic) glued to a number makes it a code such as "A123-45-6789", whatever its accents. A
   * letter of a script written without spaces does not, so "番号123-45-6789" is an SSN. A comma and a
   * digit may follow the number, as the next field of a CSV row does.
   */
  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(\\d(?<![\\p{Nd}\\p{LC}_.+-]\\d)\\d{2})( - |[-. ]?)(\\d{2})\\2(\\d{4})"
              + "(?![\\p{Nd}\\p{LC}_]|[.-]\\d)");

  private static final ContextWords SUPPORT =
      new ContextWords(
          // "Social" alone is how callers say it ("my social is ..."), and an SSN is a person's
          // taxpayer identification number (TIN) on US tax forms.
          List.of("ssn*", "*ssn", "social", "social sec*", "ss#", "ss #", "tin"), 40, 10);

  /**
   * Separators between two numbers of one list, as in "SSNs on file: 454-19-6564, 844 82 5658 and
   * 435778404": a comma, semicolon or slash, "and" or "or", and spaces.
   */
  private static final Pattern LIST_SEPARATOR =
      Pattern.compile("\\s*[,;/&]?\\s*(?:(?:and|or)\\s+)?", Pattern.CASE_INSENSITIVE);

  /**
   * Labels of bank numbers that are nine digits too, as in "routing 322271627". They overrule an
   * SSN word near, since a direct-deposit form names both.
   */
  private static final LabelBefore OTHER_NUMBER =
      new LabelBefore(List.of("routing", "aba", "rtn", "account", "acct"), List.of(), Set.of());

  private static final Set<String> ADVERTISED = Set.of("078051120", "219099999", "457555462");

  @Override
  public Set<PiiType> types() {
    return Set.of(PiiType.US_SSN);
  }

  @Override
  public List<Finding> detect(String text) {
    List<Finding> findings = new ArrayList<>();
    TableColumn columns = new TableColumn(text);
    Matcher matcher = CANDIDATE.matcher(text).useTransparentBounds(true);
    Matcher separator = LIST_SEPARATOR.matcher(text);
    // End of the last number that a word such as "SSN" supports, directly or as part of its list.
    int supportedEnd = -1;
    int from = 0;
    while ((from = nextCandidate(matcher, text, from)) >= 0) {
      String area = matcher.group(1);
      String group = matcher.group(3);
      String serial = matcher.group(4);
      if (!valid(area, group, serial)) {
        continue;
      }
      boolean supported =
          SUPPORT.near(text, matcher.start(), matcher.end())
              || SUPPORT.occursIn(columns.header(matcher.start()))
              || (supportedEnd >= 0
                  && supportedEnd < matcher.start()
                  && separator.region(supportedEnd, matcher.start()).matches());
      boolean dashed = matcher.group(2).equals("-");
      if (!dashed && (!supported || OTHER_NUMBER.labels(text, matcher.start()))) {
        continue;
      }
      if (supported) {
        supportedEnd = matcher.end();
      }
      double score = supported ? Scores.boost(Scores.FORMAT) : Scores.FORMAT;
      findings.add(new Finding(PiiType.US_SSN.name(), matcher.start(), matcher.end(), score));
    }
    return findings;
  }

  /**
   * Finds the next match of {@link #CANDIDATE} at or after {@code from}, as {@code find()} would,
   * and returns where the search after it starts, or -1 when there is none. The pattern is tried
   * only where three digits start that no digit, cased letter, underscore, dot or sign comes
   * before: trying it at every char of a long text cost more than the rest of the detector.
   */
  private static int nextCandidate(Matcher matcher, String text, int from) {
    int length = text.length();
    for (int i = from; i + 2 < length; i++) {
      if (isDigit(text.charAt(i))
          && isDigit(text.charAt(i + 1))
          && isDigit(text.charAt(i + 2))
          && (i == 0 || !joinsNumber(text.charAt(i - 1)))
          && matcher.region(i, length).lookingAt()) {
        return matcher.end();
      }
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Returns whether {@code c} may not come before an SSN, following {@link #CANDIDATE}. */
  private static boolean joinsNumber(char c) {
    return Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER
        || Letters.cased(c)
        || c == '_'
        || c == '.'
        || c == '+'
        || c == '-';
  }

  /** Returns whether the three parts (digits only) form an SSN that can be issued. */
  static boolean valid(String area, String group, String serial) {
    int areaNumber = Integer.parseInt(area);
    if (areaNumber == 0 || areaNumber == 666 || areaNumber >= 900) {
      return false;
    }
    if (Integer.parseInt(group) == 0 || Integer.parseInt(serial) == 0) {
      return false;
    }
    return !ADVERTISED.contains(area + group + serial);
  }
}
