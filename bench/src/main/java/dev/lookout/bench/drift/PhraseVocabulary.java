package dev.lookout.bench.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The phrases (hashes of {@code PhraseSet}) that best tell two groups of fitting texts apart, as
 * features of a discriminant: one 0-or-1 feature per phrase, whether the text contains it. Like the
 * phrase test, it ranks only phrases in at least {@link #MIN_TEXTS} texts and missing from as many.
 * It ranks them by the two-proportion z-score of their shares in the two groups.
 */
final class PhraseVocabulary {
  /** Minimum number of fitting texts that must contain a phrase, and that must lack it. */
  static final int MIN_TEXTS = 10;

  private final Map<Integer, Integer> columns;

  private PhraseVocabulary(Map<Integer, Integer> columns) {
    this.columns = columns;
  }

  /**
   * Selects the {@code size} phrases with the largest absolute z-scores.
   *
   * @param first phrase sets of the first group's texts
   * @param second phrase sets of the second group's texts
   */
  static PhraseVocabulary select(List<int[]> first, List<int[]> second, int size) {
    Map<Integer, int[]> counts = new HashMap<>();
    for (int group = 0; group < 2; group++) {
      for (int[] phrases : group == 0 ? first : second) {
        for (int phrase : phrases) {
          counts.computeIfAbsent(phrase, key -> new int[2])[group]++;
        }
      }
    }
    double n1 = first.size();
    double n2 = second.size();
    List<double[]> ranked = new ArrayList<>();
    for (Map.Entry<Integer, int[]> entry : counts.entrySet()) {
      int[] count = entry.getValue();
      int total = count[0] + count[1];
      if (total < MIN_TEXTS || n1 + n2 - total < MIN_TEXTS) {
        continue;
      }
      double pooled = total / (n1 + n2);
      double error = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
      double z = (count[1] / n2 - count[0] / n1) / error;
      ranked.add(new double[] {Math.abs(z), entry.getKey()});
    }
    // Ties in z fall back to the hash, so that a run does not depend on the map's order.
    ranked.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
    Map<Integer, Integer> columns = new HashMap<>();
    for (int i = 0; i < Math.min(size, ranked.size()); i++) {
      columns.put((int) ranked.get(i)[1], i);
    }
    return new PhraseVocabulary(columns);
  }

  /** Returns the number of phrases selected. */
  int size() {
    return columns.size();
  }

  /** Returns one feature per selected phrase: 1 if {@code phrases} contains it, else 0. */
  double[] indicators(int[] phrases) {
    double[] features = new double[columns.size()];
    for (int phrase : phrases) {
      Integer column = columns.get(phrase);
      if (column != null) {
        features[column] = 1;
      }
    }
    return features;
  }
}
