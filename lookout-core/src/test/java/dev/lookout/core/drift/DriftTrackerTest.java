package dev.lookout.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DriftTrackerTest {
  private static final DriftSettings SETTINGS = new DriftSettings(20, 10, 0.01, 5, 399);
  private static final DriftKey KEY = new DriftKey("summary", "gpt-4o");

  @Test
  void coldStartUntilFirstCheck() {
    DriftTracker tracker = new DriftTracker(KEY, SETTINGS);
    feed(tracker, 25, 0, new SplittableRandom(1));
    assertThat(tracker.state()).isEqualTo(DriftState.COLD_START);
  }

  @Test
  void firstSamplesFillBaseline() {
    DriftTracker tracker = new DriftTracker(KEY, SETTINGS);
    DriftTracker.Placement placement = tracker.add(DriftSample.of("a", new float[] {1, 0}));
    assertThat(placement).isEqualTo(DriftTracker.Placement.BASELINE);
  }

  @Test
  void checkDueWhenWindowFull() {
    DriftTracker tracker = new DriftTracker(KEY, SETTINGS);
    List<DriftTracker.Placement> placements = feed(tracker, 30, 0, new SplittableRandom(1));
    assertThat(placements.get(29)).isEqualTo(DriftTracker.Placement.CHECK_DUE);
    assertThat(placements.get(28)).isEqualTo(DriftTracker.Placement.WINDOW);
  }

  @Test
  void checkEveryCountsNewSamples() {
    DriftTracker tracker = new DriftTracker(KEY, SETTINGS);
    List<DriftTracker.Placement> placements = feed(tracker, 35, 0, new SplittableRandom(1));
    assertThat(placements.get(34)).isEqualTo(DriftTracker.Placement.CHECK_DUE);
    assertThat(placements.get(33)).isEqualTo(DriftTracker.Placement.WINDOW);
  }

  @Test
  void shiftedWindowDrifts() {
    SplittableRandom random = new SplittableRandom(2);
    DriftTracker tracker = new DriftTracker(KEY, new DriftSettings(60, 30, 0.01, 30, 399));
    feed(tracker, 60, 0, random);
    feed(tracker, 30, 4, random);
    DriftCheck check = tracker.check(new DriftTest(399, 2), random, Instant.EPOCH);
    assertThat(check.state()).isEqualTo(DriftState.DRIFTED);
    assertThat(check.responsible()).hasSize(2);
    assertThat(check.responsible().get(0).text()).startsWith("text-4-");
  }

  @Test
  void checkBeforeBaselineFails() {
    DriftTracker tracker = new DriftTracker(KEY, SETTINGS);
    feed(tracker, 5, 0, new SplittableRandom(1));
    assertThatThrownBy(
            () -> tracker.check(new DriftTest(9, 0), new SplittableRandom(1), Instant.EPOCH))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("5 of 20");
  }

  @Test
  void replaceBaselineEmptiesWindow() {
    DriftTracker tracker = new DriftTracker(KEY, SETTINGS);
    feed(tracker, 28, 0, new SplittableRandom(1));
    tracker.replaceBaseline(List.of());
    assertThat(tracker.windowCount()).isZero();
    assertThat(tracker.baselineCount()).isZero();
  }

  @Test
  void settingsRejectTooFewPermutations() {
    assertThatThrownBy(() -> new DriftSettings(500, 200, 0.01, 50, 398))
        .hasMessageContaining("drift.permutations must be 399 to");
  }

  @Test
  void tinyAlphaSuggestsRoundedValue() {
    assertThatThrownBy(() -> new DriftSettings(500, 200, 1e-7, 50, 1000))
        .hasMessageContaining("use an alpha of at least 0.0000040");
  }

  @Test
  void settingsRejectTinyAlpha() {
    assertThatThrownBy(() -> new DriftSettings(500, 200, 1e-12, 50, 1000))
        .hasMessageContaining("too small");
  }

  @Test
  void settingsAcceptFewestPermutations() {
    assertThat(new DriftSettings(500, 200, 0.01, 50, 399).permutations()).isEqualTo(399);
  }

  @Test
  void settingsRejectAlphaOfOne() {
    assertThatThrownBy(() -> new DriftSettings(500, 200, 1, 50, 1000))
        .hasMessageContaining("drift.alpha");
  }

  private static List<DriftTracker.Placement> feed(
      DriftTracker tracker, int count, double shift, SplittableRandom random) {
    List<float[]> vectors = MmdTestTest.sample(count, shift, random);
    List<DriftTracker.Placement> placements = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      placements.add(tracker.add(DriftSample.of("text-" + (int) shift + "-" + i, vectors.get(i))));
    }
    return placements;
  }
}
