package dev.lookout.cli.guard;

import dev.lookout.core.guard.pii.rules.PhoneDetector;
import java.util.List;

/** The {@code --phone-regions} option of the guard commands: numbering plans to try, in order. */
final class PhoneRegions {
  /** Help text of the option. */
  static final String HELP =
      "Phone numbering plans to try for numbers without a country code, as ISO 3166-1 alpha-2"
          + " codes in order (default: US,GB,DE,FR,AU,BR,IN,SE,CH,NL,IT,ES,DK,NO, as"
          + " guards.pii.phone_regions).";

  private PhoneRegions() {}

  /** Returns {@code codes} checked and in upper case, or the default list when not given. */
  static List<String> parse(List<String> codes) {
    return codes == null
        ? PhoneDetector.DEFAULT_REGIONS
        : PhoneDetector.regions(codes, "--phone-regions");
  }
}
