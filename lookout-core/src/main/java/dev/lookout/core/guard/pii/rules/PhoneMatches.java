package dev.lookout.core.guard.pii.rules;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers that libphonenumber's matcher finds in a run of phone characters, with shortcuts for
 * the commonest runs. One North American number in a usual print shape ({@code (505) 498-8487},
 * {@code 505-498-8487}, {@code 505.498.8487 x12}), tried as a US number at {@link
 * Leniency#POSSIBLE}: the matcher returns the whole run as one number whose national number is its
 * ten digits. One British number of eleven digits with its trunk 0 ({@code 020 7946 0958}, {@code
 * 01632-960-123}, {@code 07700900123}), tried as a GB number: the matcher returns the whole run,
 * whose national number is its digits after the 0. The shortcuts return that without the matcher,
 * which takes 15 to 50 us per run. A test compares the two on random numbers of every shape the
 * shortcuts take. Every other run, region or leniency goes to the matcher.
 */
final class PhoneMatches {
  /**
   * An area code that does not start with 0 or 1, in brackets or not, then the exchange and line,
   * each group separated by at most one space, hyphen or dot, and an extension of up to six digits.
   */
  static final Pattern NORTH_AMERICAN =
      Pattern.compile(
          "(?:\\(([2-9]\\d\\d)\\) ?|([2-9]\\d\\d)[-. ]?)(\\d{3})[-. ]?(\\d{4})"
              + "(?: ?(?:x|ext\\.?) ?\\d{1,6})?");

  /**
   * A trunk 0, an area code of two to four more digits, and two groups of three or four digits,
   * each group after at most one space or hyphen. The area code does not start with 0, since a
   * second 0 starts an international call. Only runs of {@value #BRITISH_DIGITS} digits take the
   * shortcut.
   */
  static final Pattern BRITISH = Pattern.compile("0[1-9]\\d{1,3}[ -]?\\d{3,4}[ -]?\\d{3,4}");

  /** Digits of a British number written with its trunk 0: ten after it. */
  static final int BRITISH_DIGITS = 11;

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneMatches() {}

  /** One number found in a run: its span within the run, its text and its national number. */
  record Match(int start, int end, String rawString, long nationalNumber) {}

  /** Returns the numbers found in {@code run} for {@code region}, as the matcher finds them. */
  static List<Match> find(String run, String region, Leniency leniency) {
    if (leniency == Leniency.POSSIBLE && region.equals("US")) {
      Matcher shape = NORTH_AMERICAN.matcher(run);
      if (shape.matches()) {
        String area = shape.group(1) != null ? shape.group(1) : shape.group(2);
        long national = Long.parseLong(area + shape.group(3) + shape.group(4));
        return List.of(new Match(0, run.length(), run, national));
      }
    }
    if (leniency == Leniency.POSSIBLE && region.equals("GB") && BRITISH.matcher(run).matches()) {
      String digits = digitsOf(run);
      if (digits.length() == BRITISH_DIGITS) {
        return List.of(new Match(0, run.length(), run, Long.parseLong(digits.substring(1))));
      }
    }
    List<Match> matches = new ArrayList<>(1);
    for (PhoneNumberMatch match : UTIL.findNumbers(run, region, leniency, Long.MAX_VALUE)) {
      matches.add(
          new Match(
              match.start(), match.end(), match.rawString(), match.number().getNationalNumber()));
    }
    return matches;
  }

  private static String digitsOf(String run) {
    StringBuilder digits = new StringBuilder(BRITISH_DIGITS);
    for (int i = 0; i < run.length(); i++) {
      char c = run.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.toString();
  }
}
