package dev.lookout.core.drift;

/**
 * One sampled response: its (already redacted) text and its unit-length embedding.
 *
 * @param text the response text as stored and reported
 * @param embedding the text's embedding, length {@link Embedder#dimension()}
 */
public record DriftSample(String text, float[] embedding) {}
