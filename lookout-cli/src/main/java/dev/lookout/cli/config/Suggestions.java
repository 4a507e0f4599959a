package dev.lookout.cli.config;

import java.util.Collection;
import java.util.Locale;

/** Finds the known name that a mistyped configuration key or variable most likely meant. */
final class Suggestions {
  private Suggestions() {}

  /**
   * Returns the name in {@code known} closest to {@code typed} by edit distance, ignoring case, or
   * null when none is close enough: at most 2 edits, and at most one edit per 3 typed characters
   * (one edit for names under 6 characters). Ties go to the first in iteration order.
   */
  static String closest(String typed, Collection<String> known) {
    String lowered = typed.toLowerCase(Locale.ROOT);
    int limit = Math.min(2, Math.max(1, lowered.length() / 3));
    String best = null;
    int bestDistance = limit + 1;
    for (String name : known) {
      int distance = editDistance(lowered, name.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return best;
  }

  /**
   * Returns the optimal string alignment distance: the insertions, deletions, substitutions and
   * swaps of two adjacent characters that turn a into b, so {@code prot} is 1 from {@code port}.
   */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
