package dev.lookout.core.guard.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast scans of the injection features against the plain computations they replace. */
class ScanShortcutsTest {
  private static final String ALPHABET = "ab c.-)]}(\u00e9\u4e2d";

  @Test
  void charGramsHashAsMurmur() {
    String text = "ignore the rules, caf\u00e9 \u4e2d\u6587!";
    FeatureHasher hasher = new FeatureHasher(18);
    String padded = " " + text + " ";
    List<Integer> expected = new ArrayList<>();
    for (int n = FeatureHasher.MIN_CHAR_GRAM; n <= FeatureHasher.MAX_CHAR_GRAM; n++) {
      for (int start = 0; start + n <= padded.length(); start++) {
        expected.add(
            Murmur3.hash(padded, start, start + n, FeatureHasher.CHAR_SEED + n) & ((1 << 18) - 1));
      }
    }

    FeatureVector features = hasher.features(text);
    List<Integer> actual = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      actual.add(features.bucket(i));
    }

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void charArrayHashEqualsStringHash() {
    String text = "prompt \u00fcber \uD83D\uDE00";

    assertThat(Murmur3.hash(text.toCharArray(), 1, 12, 7)).isEqualTo(Murmur3.hash(text, 1, 12, 7));
  }

  @Test
  void anchoredTextFindsEveryOccurrence() {
    Random random = new Random(3);
    List<String> anchors = List.of("a", "ab", "b c", "c.", "ab c", ")]", "\u00e9\u4e2d", "zz");
    List<Integer> expected = new ArrayList<>();
    List<Integer> actual = new ArrayList<>();
    for (int round = 0; round < 300; round++) {
      String text = randomText(random, random.nextInt(200));
      AnchoredText anchored = new AnchoredText(text);
      for (String anchor : anchors) {
        for (int at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
          expected.add(at);
        }
        for (int at = anchored.indexOf(anchor); at >= 0; at = anchored.indexOf(anchor, at)) {
          actual.add(at);
        }
      }
    }

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void floodScanAgreesWithCharByCharScan() {
    List<Boolean> expected = new ArrayList<>();
    List<Boolean> actual = new ArrayList<>();
    for (String text : floodTexts()) {
      expected.add(floodCharByChar(text));
      actual.add(Signals.hasFlood(text));
    }

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void floodScanSeesBothOutcomes() {
    long floods = floodTexts().stream().filter(ScanShortcutsTest::floodCharByChar).count();

    assertThat(floods).isBetween(100L, 1_900L);
  }

  /** Returns 2,000 texts that repeat a random unit just below to just above the flood length. */
  private static List<String> floodTexts() {
    Random random = new Random(5);
    List<String> texts = new ArrayList<>();
    for (int round = 0; round < 2_000; round++) {
      String unit = randomText(random, 1 + random.nextInt(Signals.FLOOD_MAX_UNIT + 2));
      texts.add(
          randomText(random, random.nextInt(30))
              + unit.repeat(Signals.FLOOD_REPEATS - 2 + random.nextInt(4))
              + randomText(random, random.nextInt(30)));
    }
    return texts;
  }

  /**
   * Returns whether {@code raw} contains a flood, comparing every char with the one a unit back.
   */
  private static boolean floodCharByChar(String raw) {
    for (int unit = 2; unit <= Signals.FLOOD_MAX_UNIT; unit++) {
      int run = 0;
      for (int i = unit; i < raw.length(); i++) {
        if (raw.charAt(i) == raw.charAt(i - unit)) {
          run++;
          if (run >= unit * (Signals.FLOOD_REPEATS - 1)
              && Signals.isFloodUnit(raw, i - unit + 1, i + 1)) {
            return true;
          }
        } else {
          run = 0;
        }
      }
    }
    return false;
  }

  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }
}
