package dev.lookout.core.drift;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Baseline, sliding window and last test of one template and model. The first {@code baselineSize}
 * samples form the baseline; later ones fill a window of the latest {@code windowSize}, which is
 * tested every {@code checkEvery} samples once it is full. Not thread-safe: one worker thread owns
 * each tracker.
 */
public final class DriftTracker {
  /** Destination of a sample passed to {@link #add}. */
  public enum Placement {
    /** Into the baseline, which is not complete yet. */
    BASELINE,
    /** Into the window; no test is due. */
    WINDOW,
    /** Into the window, and a test is due now. */
    CHECK_DUE
  }

  private final DriftKey key;
  private final DriftSettings settings;
  private final List<DriftSample> baseline = new ArrayList<>();
  private final ArrayDeque<DriftSample> window = new ArrayDeque<>();
  private int sinceCheck;
  private long windowAdded;
  private DriftCheck lastCheck;

  public DriftTracker(DriftKey key, DriftSettings settings) {
    this.key = key;
    this.settings = settings;
  }

  public DriftKey key() {
    return key;
  }

  /** Adds a sample to the baseline until it is complete, then to the window. */
  public Placement add(DriftSample sample) {
    if (baseline.size() < settings.baselineSize()) {
      baseline.add(sample);
      return Placement.BASELINE;
    }
    window.addLast(sample);
    windowAdded++;
    if (window.size() > settings.windowSize()) {
      window.removeFirst();
    }
    sinceCheck++;
    if (window.size() == settings.windowSize() && sinceCheck >= settings.checkEvery()) {
      sinceCheck = 0;
      return Placement.CHECK_DUE;
    }
    return Placement.WINDOW;
  }

  /**
   * Replaces the baseline, for example with one read from the store or a file, and empties the
   * window. A baseline larger than {@code baselineSize} keeps its first entries.
   */
  public void replaceBaseline(List<DriftSample> samples) {
    baseline.clear();
    baseline.addAll(samples.subList(0, Math.min(samples.size(), settings.baselineSize())));
    window.clear();
    sinceCheck = 0;
    lastCheck = null;
  }

  /**
   * Restores a stored window after its baseline, so a restart does not wait for a new window.
   * Ignored while the baseline is incomplete; keeps the latest {@code windowSize} samples.
   *
   * @param nextPosition the count of window samples ever added, which {@link #windowAdded}
   *     continues from
   */
  public void restoreWindow(List<DriftSample> samples, long nextPosition) {
    if (!baselineComplete()) {
      return;
    }
    window.clear();
    int from = Math.max(0, samples.size() - settings.windowSize());
    window.addAll(samples.subList(from, samples.size()));
    windowAdded = nextPosition;
    sinceCheck = 0;
  }

  /** Returns how many samples ever went into the window: the next window sample's position. */
  public long windowAdded() {
    return windowAdded;
  }

  /** Restores the last stored test, so the state survives a restart. */
  public void restoreLastCheck(DriftCheck check) {
    this.lastCheck = check;
  }

  /**
   * Tests the current window against the baseline.
   *
   * @throws IllegalStateException if the baseline is incomplete or the window has under 2 samples
   */
  public DriftCheck check(DriftTest test, SplittableRandom random, Instant now) {
    if (!baselineComplete() || window.size() < 2) {
      throw new IllegalStateException(
          "Drift of "
              + key
              + " cannot be tested yet: the baseline has "
              + baseline.size()
              + " of "
              + settings.baselineSize()
              + " samples and the window "
              + window.size());
    }
    List<DriftSample> windowSamples = new ArrayList<>(window);
    MmdResult result = test.run(baseline, windowSamples, random);
    List<DriftCheck.ResponsibleText> responsible = new ArrayList<>();
    for (WindowDistance far : result.farthest()) {
      responsible.add(
          new DriftCheck.ResponsibleText(
              windowSamples.get(far.windowIndex()).text(), far.distance()));
    }
    DriftState state = result.drifted(settings.alpha()) ? DriftState.DRIFTED : DriftState.STABLE;
    lastCheck = new DriftCheck(key, now, state, result, responsible);
    return lastCheck;
  }

  /** Returns cold start until the first test, then the last test's state. */
  public DriftState state() {
    return lastCheck == null ? DriftState.COLD_START : lastCheck.state();
  }

  /** Returns the last test, or null before the first one. */
  public DriftCheck lastCheck() {
    return lastCheck;
  }

  public boolean baselineComplete() {
    return baseline.size() >= settings.baselineSize();
  }

  public int baselineCount() {
    return baseline.size();
  }

  public int windowCount() {
    return window.size();
  }
}
