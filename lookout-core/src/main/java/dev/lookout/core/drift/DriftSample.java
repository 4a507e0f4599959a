package dev.lookout.core.drift;

/**
 * One sampled response: its (already redacted) text, its unit-length embedding, its {@link
 * StyleFeatures} and its {@link WordProfile}.
 *
 * @param text the response text as stored and reported
 * @param embedding the text's embedding, length {@link Embedder#dimension()}
 * @param style the style features of the whole response, length {@link StyleFeatures#COUNT}
 * @param profile the word profile of {@code text}, length {@link WordProfile#COUNT}
 */
public record DriftSample(String text, float[] embedding, float[] style, float[] profile) {
  /** Creates a sample whose word profile is computed from {@code text}. */
  public DriftSample(String text, float[] embedding, float[] style) {
    this(text, embedding, style, WordProfile.of(text));
  }

  /** Returns a sample whose style features and word profile are computed from {@code text}. */
  public static DriftSample of(String text, float[] embedding) {
    return new DriftSample(text, embedding, StyleFeatures.of(text));
  }

  /** Returns the vector the MMD test compares: the embedding followed by the style features. */
  public float[] testVector() {
    return StyleFeatures.append(embedding, style);
  }
}
