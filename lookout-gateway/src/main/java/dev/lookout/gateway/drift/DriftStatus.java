package dev.lookout.gateway.drift;

import dev.lookout.core.drift.DriftCheck;
import dev.lookout.core.drift.DriftKey;
import dev.lookout.core.drift.DriftState;

/**
 * Current drift status of one template and model, published by the monitor's worker.
 *
 * @param key the template and model
 * @param state cold start until the first test, then the last test's state
 * @param lastCheck the last test, or null before the first
 * @param baselineN samples in the baseline
 * @param windowN samples in the current window
 */
public record DriftStatus(
    DriftKey key, DriftState state, DriftCheck lastCheck, int baselineN, int windowN) {}
