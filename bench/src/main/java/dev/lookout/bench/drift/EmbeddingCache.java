package dev.lookout.bench.drift;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Embeddings of a run saved to a file, so that a rerun over the same texts skips the embedding. The
 * file starts with a fingerprint of the texts; a different list of texts ignores the file.
 */
final class EmbeddingCache {
  private EmbeddingCache() {}

  static Optional<List<float[]>> read(Path file, List<String> texts) throws IOException {
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readLong() != fingerprint(texts)) {
        return Optional.empty();
      }
      int count = in.readInt();
      int dimension = in.readInt();
      List<float[]> vectors = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        float[] vector = new float[dimension];
        for (int j = 0; j < dimension; j++) {
          vector[j] = in.readFloat();
        }
        vectors.add(vector);
      }
      return Optional.of(vectors);
    }
  }

  static void write(Path file, List<String> texts, List<float[]> vectors) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeLong(fingerprint(texts));
      out.writeInt(vectors.size());
      out.writeInt(vectors.get(0).length);
      for (float[] vector : vectors) {
        for (float value : vector) {
          out.writeFloat(value);
        }
      }
    }
  }

  private static long fingerprint(List<String> texts) {
    long hash = 1125899906842597L;
    for (String text : texts) {
      hash = 31 * hash + text.hashCode();
    }
    return hash;
  }
}
