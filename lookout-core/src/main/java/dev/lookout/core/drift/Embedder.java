package dev.lookout.core.drift;

import java.util.List;

/**
 * Turns texts into sentence embeddings. Implementations may be slow (an ONNX model runs tens to
 * hundreds of texts per second), so callers keep them off request threads.
 */
public interface Embedder {
  /**
   * Returns one unit-length vector per text, in the order of {@code texts}.
   *
   * @throws IllegalArgumentException if a text is null
   */
  List<float[]> embed(List<String> texts);

  /** Returns the length of every vector {@link #embed} returns, for example 384. */
  int dimension();
}
