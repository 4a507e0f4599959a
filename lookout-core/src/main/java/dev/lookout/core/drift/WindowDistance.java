package dev.lookout.core.drift;

/**
 * One window entry's distance from the baseline.
 *
 * @param windowIndex position of the entry in the window, from 0
 * @param distance 1 minus the entry's mean kernel similarity to the baseline embeddings, in [0, 1]
 */
public record WindowDistance(int windowIndex, double distance) {}
