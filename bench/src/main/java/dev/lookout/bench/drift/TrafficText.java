package dev.lookout.bench.drift;

/**
 * One response of the traffic data set.
 *
 * @param index position in the benchmark's list of all texts, which is also its row in the Gram
 *     matrix
 * @param source file name without folder and extension, for example {@code gpt-4o-2024-05-13}
 * @param category the record's category, for example {@code selfinstruct}
 * @param prompt the prompt the response answers
 * @param response the response text
 */
record TrafficText(int index, String source, String category, String prompt, String response) {}
