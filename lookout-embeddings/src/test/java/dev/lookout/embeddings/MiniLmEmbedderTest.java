package dev.lookout.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.drift.UnitVectors;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one test class that loads the real model. */
class MiniLmEmbedderTest {
  private static MiniLmEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = MiniLmEmbedder.quantized(2);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void vectorsHaveUnitLength() {
    float[] vector = embedder.embed(List.of("The invoice is due on Friday.")).get(0);
    assertThat(vector).hasSize(384);
    assertThat(UnitVectors.dot(vector, vector)).isCloseTo(1.0, within());
  }

  @Test
  void paraphraseCloserThanUnrelated() {
    List<float[]> vectors =
        embedder.embed(
            List.of(
                "The cat sat on the mat.",
                "A cat was sitting on the rug.",
                "def add(a, b): return a + b"));
    double paraphrase = UnitVectors.dot(vectors.get(0), vectors.get(1));
    double unrelated = UnitVectors.dot(vectors.get(0), vectors.get(2));
    assertThat(paraphrase).isGreaterThan(unrelated + 0.3);
  }

  @Test
  void keepsOrderOfBatch() {
    List<float[]> batch = embedder.embed(List.of("alpha", "a long answer about taxes", ""));
    float[] single = embedder.embed(List.of("a long answer about taxes")).get(0);
    assertThat(UnitVectors.dot(batch.get(1), single)).isCloseTo(1.0, within());
  }

  @Test
  void invisibleTextEmbedsAsEmpty() {
    List<float[]> vectors = embedder.embed(List.of("\u00a0\u200b", ""));
    assertThat(UnitVectors.dot(vectors.get(0), vectors.get(1))).isCloseTo(1.0, within());
  }

  @Test
  void emptyListGivesNoVectors() {
    assertThat(embedder.embed(List.of())).isEmpty();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-4);
  }
}
