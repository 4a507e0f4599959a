package dev.lookout.bench.drift;

import dev.lookout.embeddings.MiniLmEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Embeds every text once in batches, timing it, and times single-text calls on a sample.
 *
 * @param vectors one embedding per text, in order
 * @param singlePerSecond texts per second when each call embeds one text
 * @param batchedPerSecond texts per second when each call embeds a batch
 * @param meanChars mean length of the texts timed in batches, after the embedder's cut
 * @param batchedCount texts timed in batches
 */
record EmbeddingSpeed(
    List<float[]> vectors,
    double singlePerSecond,
    double batchedPerSecond,
    double meanChars,
    int batchedCount) {
  private static final int SINGLE_SAMPLE = 200;
  private static final int WARMUP = 20;

  /**
   * Times single and batched calls on {@code sample} texts spread over the list (none when it is
   * 0), then embeds all texts unless {@code cached} already contains every text's embedding.
   */
  static EmbeddingSpeed measure(
      MiniLmEmbedder embedder,
      List<String> texts,
      int batchSize,
      int sample,
      List<float[]> cached) {
    for (int i = 0; i < WARMUP && sample > 0; i++) {
      embedder.embed(List.of(texts.get(i)));
    }
    // Both timings use texts drawn evenly from the whole list, the same ones first, so their
    // lengths match and the two rates are comparable.
    int timed = Math.min(sample, texts.size());
    List<String> spread = new ArrayList<>(timed);
    for (int i = 0; i < timed; i++) {
      spread.add(texts.get((int) ((long) i * texts.size() / timed)));
    }
    int single = Math.min(SINGLE_SAMPLE, timed);
    long start = System.nanoTime();
    for (int i = 0; i < single; i++) {
      embedder.embed(List.of(spread.get(i)));
    }
    double singleSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    for (int from = 0; from < timed; from += batchSize) {
      embedder.embed(spread.subList(from, Math.min(timed, from + batchSize)));
    }
    double batchedSeconds = (System.nanoTime() - start) / 1e9;
    List<float[]> vectors = cached != null ? cached : new ArrayList<>(texts.size());
    for (int from = vectors.size(); from < texts.size(); from += batchSize) {
      vectors.addAll(embedder.embed(texts.subList(from, Math.min(texts.size(), from + batchSize))));
      if ((from / batchSize) % 20 == 0) {
        System.err.printf(Locale.ROOT, "drift-bench: embedded %d of %d%n", from, texts.size());
      }
    }
    double chars = 0;
    for (String text : spread) {
      chars += Math.min(text.length(), MiniLmEmbedder.MAX_CHARS);
    }
    return new EmbeddingSpeed(
        vectors, single / singleSeconds, timed / batchedSeconds, chars / timed, timed);
  }

  /** Returns the speed table, or an empty string when nothing was timed. */
  String table(int threads, int batchSize) {
    if (batchedCount == 0) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "| Embedding (all-MiniLM-L6-v2 quantized, %d threads) | texts/s |%n|---|---:|%n"
            + "| one text per call (%d texts) | %.1f |%n"
            + "| %d texts per call (%d texts) | %.1f |%n%n"
            + "Mean length of the texts timed in batches, after the %d-character cut: %.0f"
            + " characters.%n",
        threads,
        Math.min(SINGLE_SAMPLE, batchedCount),
        singlePerSecond,
        batchSize,
        batchedCount,
        batchedPerSecond,
        MiniLmEmbedder.MAX_CHARS,
        meanChars);
  }
}
