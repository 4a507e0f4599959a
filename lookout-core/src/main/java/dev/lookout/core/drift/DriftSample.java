package dev.lookout.core.drift;

/**
 * One sampled response: its (already redacted) text, its unit-length embedding and its {@link
 * StyleFeatures}.
 *
 * @param text the response text as stored and reported
 * @param embedding the text's embedding, length {@link Embedder#dimension()}
 * @param style the style features of the whole response, length {@link StyleFeatures#COUNT}
 */
public record DriftSample(String text, float[] embedding, float[] style) {
  /** Returns a sample whose style features are computed from {@code text}. */
  public static DriftSample of(String text, float[] embedding) {
    return new DriftSample(text, embedding, StyleFeatures.of(text));
  }

  /** Returns the vector the drift test compares: the embedding followed by the style features. */
  public float[] testVector() {
    return StyleFeatures.append(embedding, style);
  }
}
