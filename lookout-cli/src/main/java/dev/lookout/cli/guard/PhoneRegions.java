package dev.lookout.cli.guard;

import dev.lookout.core.guard.pii.rules.PhoneDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code --phone-regions} option of the guard commands: numbering plans to try, in order. */
final class PhoneRegions {
  /** Help text of the option. */
  static final String HELP =
      "Phone numbering plans to try for numbers without a country code, as ISO 3166-1 alpha-2"
          + " codes in order (default: US,GB,DE,FR,AU,BR,IN,SE,CH,NL,IT,ES,DK,NO, as"
          + " guards.pii.phone_regions).";

  private PhoneRegions() {}

  /**
   * Returns {@code codes} in upper case, or the default list when the option was not given.
   *
   * @throws IllegalArgumentException naming a code that libphonenumber does not know
   */
  static List<String> parse(List<String> codes) {
    if (codes == null) {
      return PhoneDetector.DEFAULT_REGIONS;
    }
    if (codes.isEmpty()) {
      throw new IllegalArgumentException(
          "--phone-regions is empty; list at least one code such as US, or leave the option out"
              + " for the default list");
    }
    List<String> regions = new ArrayList<>();
    for (String region : codes) {
      String code = region.trim().toUpperCase(Locale.ROOT);
      if (code.isEmpty()) {
        throw new IllegalArgumentException(
            "--phone-regions has an empty code; separate codes with single commas, as in US,GB");
      }
      if (!PhoneDetector.supportedRegion(code)) {
        throw new IllegalArgumentException(
            "--phone-regions has an unknown region '"
                + region
                + "'; use ISO 3166-1 alpha-2 codes such as US, GB or DE");
      }
      regions.add(code);
    }
    return regions;
  }
}
