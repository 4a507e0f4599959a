package dev.lookout.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Checks one run against the gateway's performance targets on this machine and writes the verdicts
 * as a table, with the per-round figures that a verdict rests on.
 *
 * <p>The targets are: added p99 under 1 ms for plain calls at 1,000 requests/s and at concurrency
 * 1, and a higher throughput frontier than every other gateway. Below the gateway's saturation
 * point, no case may have an error or an unsent request where the upstream alone had none. With
 * every open stream served, resident memory stays under 512 MiB.
 */
final class TargetCheck {
  /** Added p99 the hot path may cost, in milliseconds. */
  static final double ADDED_P99_MILLIS = 1.0;

  /** Rate of the open-loop latency target, in requests per second. */
  static final double TARGET_RATE = 1000;

  /**
   * Share of the upstream's own throughput below which the gateway counts as saturated in a case:
   * it no longer keeps up with the offered rate.
   */
  static final double KEPT_UP_SHARE = 0.95;

  /** Resident memory allowed with every open stream in flight, in MiB. */
  static final double MAX_RESIDENT_MIB = 512;

  private TargetCheck() {}

  /**
   * Returns the targets table for {@code gateway} ({@code targets.get(1)}, the first after the
   * baseline), compared with any further targets.
   */
  static String table(
      List<CaseResult> cases,
      List<String> targets,
      List<ResultTables.OpenStreamsResult> openStreams) {
    String baseline = targets.get(0);
    String gateway = targets.get(1);
    List<String> others = targets.subList(2, targets.size());
    StringBuilder out = new StringBuilder();
    out.append("| Target | Measured in this run | Met |\n|---|---|---|\n");
    latencyRow(out, cases, baseline, gateway, LoadCase.openLoop(false, TARGET_RATE));
    latencyRow(out, cases, baseline, gateway, LoadCase.closedLoop(false));
    for (String other : others) {
      frontierRow(out, cases, baseline, gateway, other);
    }
    cleanRow(out, cases, baseline, gateway);
    memoryRow(out, openStreams, gateway);
    return out.toString();
  }

  private static void latencyRow(
      StringBuilder out, List<CaseResult> cases, String baseline, String gateway, LoadCase wanted) {
    Optional<CaseResult> found =
        cases.stream().filter(c -> c.loadCase().equals(wanted)).findFirst();
    String target =
        String.format(Locale.ROOT, "added p99 < %.0f ms, %s", ADDED_P99_MILLIS, wanted.label());
    if (found.isEmpty()) {
      out.append("| ").append(target).append(" | not run | n/a |\n");
      return;
    }
    CaseResult result = found.get();
    double added =
        result.totals(gateway).percentileMillis(99) - result.totals(baseline).percentileMillis(99);
    List<String> rounds = new ArrayList<>();
    boolean everyRound = true;
    for (double roundAdded : perRoundAddedP99(result, baseline, gateway)) {
      rounds.add(signed(roundAdded));
      everyRound &= roundAdded < ADDED_P99_MILLIS;
    }
    boolean met = added < ADDED_P99_MILLIS && result.totals(gateway).clean();
    String verdict = "no";
    if (met && everyRound) {
      verdict = "yes";
    } else if (met) {
      verdict = "yes over all rounds, not in every round";
    }
    out.append("| ")
        .append(target)
        .append(" | ")
        .append(signed(added))
        .append(" ms over all rounds; per round ")
        .append(String.join(", ", rounds))
        .append(" | ")
        .append(verdict)
        .append(" |\n");
  }

  /**
   * Returns, per round, the gateway's p99 minus the baseline's p99 of the same round: the spread
   * shows how much one number depends on the moment it was measured.
   */
  static List<Double> perRoundAddedP99(CaseResult result, String baseline, String gateway) {
    List<Double> added = new ArrayList<>();
    int rounds = result.phases().stream().mapToInt(CaseResult.PhaseRow::round).max().orElse(0);
    for (int round = 1; round <= rounds; round++) {
      OptionalDouble direct = roundP99(result, round, baseline);
      OptionalDouble via = roundP99(result, round, gateway);
      if (direct.isPresent() && via.isPresent()) {
        added.add(via.getAsDouble() - direct.getAsDouble());
      }
    }
    return added;
  }

  private static OptionalDouble roundP99(CaseResult result, int round, String target) {
    return result.phases().stream()
        .filter(row -> row.round() == round && row.target().equals(target))
        .mapToDouble(row -> row.result().latencyMicros().getValueAtPercentile(99) / 1000.0)
        .findFirst();
  }

  private static void frontierRow(
      StringBuilder out, List<CaseResult> cases, String baseline, String gateway, String other) {
    List<String> figures = new ArrayList<>();
    boolean neverLower = true;
    boolean higherOnce = false;
    for (double threshold : ResultTables.FRONTIER_THRESHOLDS_MILLIS) {
      double ours = Frontier.highestRate(cases, baseline, gateway, false, threshold).orElse(0);
      double theirs = Frontier.highestRate(cases, baseline, other, false, threshold).orElse(0);
      neverLower &= ours >= theirs;
      higherOnce |= ours > theirs;
      figures.add(
          String.format(
              Locale.ROOT, "< %.0f ms: %s against %s", threshold, rate(ours), rate(theirs)));
    }
    out.append("| higher plain-call frontier than ")
        .append(other)
        .append(" | ")
        .append(String.join("; ", figures))
        .append(" | ")
        .append(neverLower && higherOnce ? "yes" : "no")
        .append(" |\n");
  }

  /**
   * Writes the clean-run row: no error and no unsent request in any case below the gateway's
   * saturation point, where the upstream alone also had none. A case is at or above saturation when
   * the gateway's throughput fell below {@link #KEPT_UP_SHARE} of the upstream's own in that case,
   * or a lower rate of the same kind already did.
   */
  private static void cleanRow(
      StringBuilder out, List<CaseResult> cases, String baseline, String gateway) {
    List<String> failed = new ArrayList<>();
    List<String> saturated = new ArrayList<>();
    // Cases are checked in rising rate (byRate), so a kind's cases after its saturated one lie
    // above the saturation point.
    Set<Boolean> saturatedKinds = new HashSet<>();
    int compared = 0;
    List<CaseResult> byRate = new ArrayList<>(cases);
    byRate.sort(Comparator.comparingDouble(c -> c.loadCase().ratePerSecond()));
    for (CaseResult result : byRate) {
      TargetTotals direct = result.totals(baseline);
      TargetTotals via = result.totals(gateway);
      if (direct == null || via == null || !direct.clean()) {
        continue;
      }
      LoadCase loadCase = result.loadCase();
      boolean stream = loadCase.stream();
      if (!loadCase.isClosedLoop()
          && !saturatedKinds.contains(stream)
          && via.throughputPerSecond() < KEPT_UP_SHARE * direct.throughputPerSecond()) {
        saturatedKinds.add(stream);
        saturated.add(
            String.format(
                Locale.ROOT,
                "%s (%.0f req/s against %.0f direct)",
                loadCase.label(),
                via.throughputPerSecond(),
                direct.throughputPerSecond()));
      }
      if (!loadCase.isClosedLoop() && saturatedKinds.contains(stream)) {
        continue;
      }
      compared++;
      if (!via.clean()) {
        failed.add(
            loadCase.label() + " (" + via.errors() + " errors, " + via.unsent() + " unsent)");
      }
    }
    String measured =
        failed.isEmpty()
            ? "none in " + compared + " such cases"
            : "failed in " + String.join(", ", failed);
    measured +=
        saturated.isEmpty()
            ? "; no saturation up to the highest rate"
            : "; saturated from " + String.join(", ", saturated);
    out.append("| no error and no unsent request below the saturation point, where ")
        .append(baseline)
        .append(" alone had none | ")
        .append(measured)
        .append(" | ")
        .append(failed.isEmpty() ? "yes" : "no")
        .append(" |\n");
  }

  private static void memoryRow(
      StringBuilder out, List<ResultTables.OpenStreamsResult> openStreams, String gateway) {
    Optional<ResultTables.OpenStreamsResult> found =
        openStreams.stream().filter(r -> r.target().equals(gateway)).findFirst();
    String target =
        String.format(
            Locale.ROOT, "resident memory < %.0f MiB with every stream open", MAX_RESIDENT_MIB);
    if (found.isEmpty()) {
      out.append("| ").append(target).append(" | not run | n/a |\n");
      return;
    }
    PhaseResult phase = found.get().phase();
    double peakMib = phase.usage().maxResidentKib() / 1024.0;
    boolean allServed = phase.errors() == 0 && phase.unsent() == 0;
    out.append("| ")
        .append(target)
        .append(" | ")
        .append(
            String.format(
                Locale.ROOT,
                "peak %.0f MiB; %d of %d streams open at once, %d ok, %d errors",
                peakMib,
                phase.usage().maxInFlight(),
                phase.scheduled(),
                phase.succeeded(),
                phase.errors()))
        .append(" | ")
        .append(memoryVerdict(peakMib, allServed))
        .append(" |\n");
  }

  private static String memoryVerdict(double peakMib, boolean allServed) {
    if (peakMib >= MAX_RESIDENT_MIB) {
      return "no";
    }
    return allServed ? "yes" : "memory yes, streams failed";
  }

  private static String rate(double perSecond) {
    return perSecond == 0
        ? "below the lowest rate"
        : String.format(Locale.ROOT, "%.0f/s", perSecond);
  }

  private static String signed(double millis) {
    return String.format(Locale.ROOT, "%+.3f", millis);
  }
}
