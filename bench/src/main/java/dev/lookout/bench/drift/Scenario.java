package dev.lookout.bench.drift;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * A way to draw a baseline and a window of responses: stationary (both from one source, disjoint)
 * or shifted (the window differs from the baseline in a stated way).
 *
 * @param name what the window holds, as printed in the tables
 * @param shifted whether the window's distribution differs from the baseline's
 * @param sampler draws one baseline and window, or returns empty when the pools are too small
 */
record Scenario(String name, boolean shifted, Sampler sampler) {

  /** Draws the indices of a baseline of {@code baselineSize} and a window of {@code windowSize}. */
  @FunctionalInterface
  interface Sampler {
    Optional<WindowDraw> draw(int baselineSize, int windowSize, SplittableRandom random);
  }

  /** Baseline and window are disjoint random draws from one pool. */
  static Scenario stationary(String name, List<TrafficText> pool) {
    int[] indices = TrafficTexts.indices(pool);
    return new Scenario(
        name,
        false,
        (n, m, random) -> {
          if (n + m > indices.length) {
            return Optional.empty();
          }
          int[] order = shuffled(indices, n + m, random);
          return Optional.of(new WindowDraw(head(order, 0, n), head(order, n, m)));
        });
  }

  /**
   * The window contains {@code fraction} of texts from {@code other} and the rest from {@code
   * base}, disjoint from the baseline.
   */
  static Scenario mixture(
      String name, List<TrafficText> base, List<TrafficText> other, double fraction) {
    int[] baseIndices = TrafficTexts.indices(base);
    int[] otherIndices = TrafficTexts.indices(other);
    return new Scenario(
        name,
        true,
        (n, m, random) -> {
          int mixed = (int) Math.round(fraction * m);
          if (n + m - mixed > baseIndices.length || mixed > otherIndices.length) {
            return Optional.empty();
          }
          int[] order = shuffled(baseIndices, n + m - mixed, random);
          int[] window = new int[m];
          System.arraycopy(order, n, window, 0, m - mixed);
          System.arraycopy(shuffled(otherIndices, mixed, random), 0, window, m - mixed, mixed);
          return Optional.of(new WindowDraw(head(order, 0, n), window));
        });
  }

  /**
   * Same prompts answered by two models: the baseline is {@code from}'s answers to some prompts,
   * the window the answers to other prompts, {@code fraction} of them by {@code to} (0 is the
   * stationary control, 1 a full model swap).
   */
  static Scenario modelSwap(
      String name, List<TrafficText> from, List<TrafficText> to, double fraction) {
    Map<String, int[]> byPrompt = new LinkedHashMap<>();
    Map<String, Integer> toByPrompt = new LinkedHashMap<>();
    for (TrafficText text : to) {
      toByPrompt.putIfAbsent(text.prompt(), text.index());
    }
    for (TrafficText text : from) {
      Integer other = toByPrompt.get(text.prompt());
      if (other != null) {
        byPrompt.putIfAbsent(text.prompt(), new int[] {text.index(), other});
      }
    }
    List<int[]> pairs = new ArrayList<>(byPrompt.values());
    return new Scenario(
        name,
        fraction > 0,
        (n, m, random) -> {
          if (n + m > pairs.size()) {
            return Optional.empty();
          }
          int[] order = new int[pairs.size()];
          for (int i = 0; i < order.length; i++) {
            order[i] = i;
          }
          order = shuffled(order, n + m, random);
          int swapped = (int) Math.round(fraction * m);
          int[] baseline = new int[n];
          int[] window = new int[m];
          for (int i = 0; i < n; i++) {
            baseline[i] = pairs.get(order[i])[0];
          }
          for (int i = 0; i < m; i++) {
            window[i] = pairs.get(order[n + i])[i < swapped ? 1 : 0];
          }
          return Optional.of(new WindowDraw(baseline, window));
        });
  }

  /**
   * Draws the window only from the texts of {@code pool} that match {@code filter}, and the
   * baseline from all of {@code pool} minus the window's texts.
   */
  static Scenario subset(String name, List<TrafficText> pool, Predicate<TrafficText> filter) {
    int[] all = TrafficTexts.indices(pool);
    int[] matching = TrafficTexts.indices(pool.stream().filter(filter).toList());
    return new Scenario(
        name,
        true,
        (n, m, random) -> {
          if (m > matching.length || n + m > all.length) {
            return Optional.empty();
          }
          int[] window = shuffled(matching, m, random);
          Set<Integer> taken = new HashSet<>();
          for (int index : window) {
            taken.add(index);
          }
          int[] order = shuffled(all, all.length, random);
          int[] baseline = new int[n];
          int filled = 0;
          for (int i = 0; i < order.length && filled < n; i++) {
            if (!taken.contains(order[i])) {
              baseline[filled++] = order[i];
            }
          }
          return Optional.of(new WindowDraw(baseline, window));
        });
  }

  /** Returns {@code count} entries of {@code values} in random order (partial Fisher-Yates). */
  private static int[] shuffled(int[] values, int count, SplittableRandom random) {
    int[] copy = values.clone();
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(copy.length - i);
      int swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return head(copy, 0, count);
  }

  private static int[] head(int[] values, int from, int count) {
    int[] part = new int[count];
    System.arraycopy(values, from, part, 0, count);
    return part;
  }
}
