package dev.lookout.bench.drift;

/**
 * Results of many windows of one scenario at one window size.
 *
 * @param scenario the scenario
 * @param windowSize responses per window
 * @param detected windows with a p-value at most alpha, of all windows tested
 * @param meanDistance mean centroid cosine distance between baseline and window
 * @param meanStatistic mean MMD²
 */
record CaseResult(
    Scenario scenario,
    int windowSize,
    RateInterval detected,
    double meanDistance,
    double meanStatistic) {}
