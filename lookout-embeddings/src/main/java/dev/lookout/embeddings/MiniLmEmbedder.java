package dev.lookout.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.lookout.core.drift.Embedder;
import dev.lookout.core.drift.UnitVectors;
import dev.lookout.core.drift.VisibleText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Embedder} backed by all-MiniLM-L6-v2 (384 dimensions) running in-process on ONNX Runtime
 * through LangChain4j. The model ships inside the jar, so nothing downloads; on first use the
 * tokenizer's native library is extracted to {@code ~/.djl.ai} and the temp folder.
 *
 * <p>Texts are cut to their first {@value #MAX_CHARS} characters before embedding: the model was
 * trained on sequences of at most 256 word pieces, and LangChain4j would otherwise split a long
 * text into 510-token parts and embed each, which multiplies the cost without changing what the
 * model can see in one pass. A batch is spread over {@code threads} worker threads, and each text
 * is embedded on a single thread.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);

  /** Characters of a text that are embedded; about 250 to 300 English word pieces. */
  public static final int MAX_CHARS = 1200;

  private static final int DIMENSION = 384;

  /** Text embedded in place of an empty or blank response. */
  static final String BLANK_MARKER = "[empty response]";

  private final EmbeddingModel model;
  private final ExecutorService executor;

  private MiniLmEmbedder(EmbeddingModel model, ExecutorService executor) {
    this.model = model;
    this.executor = executor;
  }

  /**
   * Loads the quantized model (the 16 MB jar), which embeds a batch on {@code threads} threads and
   * each text on one of them, so it uses at most {@code threads} cores.
   *
   * @throws IllegalArgumentException if {@code threads} is below 1
   */
  public static MiniLmEmbedder quantized(int threads) {
    ExecutorService executor = executor(threads);
    long start = System.nanoTime();
    MiniLmEmbedder embedder = new MiniLmEmbedder(new OnnxMiniLm(executor), executor);
    LOG.info(
        "embeddings: loaded all-MiniLM-L6-v2 (quantized) in {} ms, {} threads",
        (System.nanoTime() - start) / 1_000_000,
        threads);
    return embedder;
  }

  /**
   * Wraps another LangChain4j model of 384 dimensions, for example the full-precision
   * all-MiniLM-L6-v2, built on the executor that this embedder closes.
   */
  public static MiniLmEmbedder of(EmbeddingModel model, ExecutorService executor) {
    return new MiniLmEmbedder(model, executor);
  }

  /**
   * Returns a pool of daemon threads for a model's batches.
   *
   * @throws IllegalArgumentException if {@code threads} is below 1
   */
  public static ExecutorService executor(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException(
          "Invalid embedding thread count " + threads + ": it must be at least 1");
    }
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "lookout-embed-" + count.incrementAndGet());
          thread.setDaemon(true);
          thread.setPriority(Thread.MIN_PRIORITY);
          return thread;
        };
    return Executors.newFixedThreadPool(threads, factory);
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String text : texts) {
      if (text == null) {
        throw new IllegalArgumentException("Cannot embed a null text; pass an empty string");
      }
      String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
      // LangChain4j rejects segments that tokenize to nothing, so every response without a
      // visible character embeds as this one marker.
      segments.add(TextSegment.from(VisibleText.isBlank(cut) ? BLANK_MARKER : cut));
    }
    if (segments.isEmpty()) {
      return List.of();
    }
    List<Embedding> embeddings = model.embedAll(segments).content();
    List<float[]> vectors = new ArrayList<>(embeddings.size());
    for (Embedding embedding : embeddings) {
      vectors.add(UnitVectors.normalize(embedding.vector()));
    }
    return vectors;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
