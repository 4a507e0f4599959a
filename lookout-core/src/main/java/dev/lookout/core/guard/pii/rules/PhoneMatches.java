package dev.lookout.core.guard.pii.rules;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers that libphonenumber's matcher finds in a run of phone characters, with a shortcut for
 * the commonest run: one North American number in a usual print shape ({@code (505) 498-8487},
 * {@code 505-498-8487}, {@code 505.498.8487 x12}). For such a run, tried as a US number at {@link
 * Leniency#POSSIBLE}, the matcher returns the whole run as one number whose national number is its
 * ten digits; the shortcut returns that without the matcher, which takes 15 to 50 us per run. A
 * test compares the two on random numbers of every shape the shortcut takes. Every other run,
 * region or leniency goes to the matcher.
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
    List<Match> matches = new ArrayList<>(1);
    for (PhoneNumberMatch match : UTIL.findNumbers(run, region, leniency, Long.MAX_VALUE)) {
      matches.add(
          new Match(
              match.start(), match.end(), match.rawString(), match.number().getNationalNumber()));
    }
    return matches;
  }
}
