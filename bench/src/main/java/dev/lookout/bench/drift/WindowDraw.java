package dev.lookout.bench.drift;

/**
 * The text indices of one baseline and one window.
 *
 * @param baseline indices of the baseline texts
 * @param window indices of the window texts, disjoint from the baseline's
 */
record WindowDraw(int[] baseline, int[] window) {}
