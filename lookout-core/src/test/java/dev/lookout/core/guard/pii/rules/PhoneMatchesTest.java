package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhoneMatchesTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  @Test
  void shortcutAgreesWithMatcherOnEveryShape() {
    List<String> runs = northAmericanRuns(new Random(11), 4);
    List<PhoneMatches.Match> expected = new ArrayList<>();
    List<PhoneMatches.Match> actual = new ArrayList<>();
    for (String run : runs) {
      expected.addAll(matcher(run, "US"));
      actual.addAll(PhoneMatches.find(run, "US", Leniency.POSSIBLE));
    }

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void shortcutTakesEveryGeneratedShape() {
    List<String> runs = northAmericanRuns(new Random(11), 1);

    assertThat(runs).allMatch(run -> PhoneMatches.NORTH_AMERICAN.matcher(run).matches());
  }

  @Test
  void britishShortcutAgreesWithMatcher() {
    List<String> runs = britishRuns(new Random(13), 40);
    List<PhoneMatches.Match> expected = new ArrayList<>();
    List<PhoneMatches.Match> actual = new ArrayList<>();
    for (String run : runs) {
      expected.addAll(matcher(run, "GB"));
      actual.addAll(PhoneMatches.find(run, "GB", Leniency.POSSIBLE));
    }

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void britishShortcutTakesEveryGeneratedShape() {
    List<String> runs = britishRuns(new Random(13), 1);

    assertThat(runs).allMatch(run -> PhoneMatches.BRITISH.matcher(run).matches());
  }

  @Test
  void internationalPrefixGoesToMatcher() {
    assertThat(PhoneMatches.find("007 1611 3330", "GB", Leniency.POSSIBLE))
        .isEqualTo(matcher("007 1611 3330", "GB"));
  }

  @Test
  void britishTenDigitsGoToMatcher() {
    assertThat(PhoneMatches.find("0161 496 000", "GB", Leniency.POSSIBLE))
        .isEqualTo(matcher("0161 496 000", "GB"));
  }

  @Test
  void areaCodeWithOneGoesToMatcher() {
    assertThat(PhoneMatches.find("(123) 456-7890", "US", Leniency.POSSIBLE))
        .isEqualTo(matcher("(123) 456-7890", "US"));
  }

  @Test
  void otherRegionGoesToMatcher() {
    assertThat(PhoneMatches.find("(505) 498-8487", "GB", Leniency.POSSIBLE))
        .isEqualTo(matcher("(505) 498-8487", "GB"));
  }

  @Test
  void validLeniencyGoesToMatcher() {
    assertThat(PhoneMatches.find("(555) 012-3456", "US", Leniency.VALID))
        .isEqualTo(matcherAt("(555) 012-3456", "US", Leniency.VALID));
  }

  /**
   * Runs of every shape that the shortcut takes: each area style, each separator before the line,
   * and each way to write an extension, {@code perShape} random numbers of each.
   */
  private static List<String> northAmericanRuns(Random random, int perShape) {
    List<String> areas = List.of("(A)", "(A) ", "A", "A-", "A.", "A ");
    List<String> separators = List.of("", "-", ".", " ");
    List<String> extensions = new ArrayList<>(List.of(""));
    for (String word : List.of("x", "ext", "ext.")) {
      for (String before : List.of("", " ")) {
        for (String after : List.of("", " ")) {
          extensions.add(before + word + after + "E");
        }
      }
    }
    List<String> runs = new ArrayList<>();
    for (String area : areas) {
      for (String separator : separators) {
        for (String extension : extensions) {
          for (int i = 0; i < perShape; i++) {
            String shape = area + "B" + separator + "C" + extension;
            runs.add(
                shape
                    .replace("A", (2 + random.nextInt(8)) + digits(random, 2))
                    .replace("B", digits(random, 3))
                    .replace("C", digits(random, 4))
                    .replace("E", digits(random, 1 + random.nextInt(6))));
          }
        }
      }
    }
    return runs;
  }

  /**
   * British runs of every shape that the shortcut takes: area codes of three to five digits with
   * the trunk 0, each split of the other digits into two groups, and each separator between groups,
   * {@code perShape} random numbers of each.
   */
  private static List<String> britishRuns(Random random, int perShape) {
    List<String> separators = List.of("", " ", "-");
    List<String> runs = new ArrayList<>();
    for (int area = 3; area <= 5; area++) {
      for (int second = 3; second <= 4; second++) {
        int third = 11 - area - second;
        if (third < 3 || third > 4) {
          continue;
        }
        for (String first : separators) {
          for (String next : separators) {
            for (int i = 0; i < perShape; i++) {
              runs.add(
                  "0"
                      + (1 + random.nextInt(9))
                      + digits(random, area - 2)
                      + first
                      + digits(random, second)
                      + next
                      + digits(random, third));
            }
          }
        }
      }
    }
    return runs;
  }

  private static String digits(Random random, int count) {
    StringBuilder digits = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }

  private static List<PhoneMatches.Match> matcher(String run, String region) {
    return matcherAt(run, region, Leniency.POSSIBLE);
  }

  private static List<PhoneMatches.Match> matcherAt(String run, String region, Leniency leniency) {
    List<PhoneMatches.Match> matches = new ArrayList<>();
    for (PhoneNumberMatch match : UTIL.findNumbers(run, region, leniency, Long.MAX_VALUE)) {
      matches.add(
          new PhoneMatches.Match(
              match.start(), match.end(), match.rawString(), match.number().getNationalNumber()));
    }
    return matches;
  }
}
