package dev.lookout.core.guard.injection;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Logistic-regression weights over hashed features and {@link Signals}, with the decision threshold
 * chosen for them.
 *
 * <p>File format (gzip of big-endian {@link DataOutputStream} values): magic {@code LKINJ}, format
 * version (int), hash bits (int), window and stride in chars (ints), threshold (double), bias
 * (float), signal count (int) and signal weights (floats), then {@code 2^bits} bucket weights
 * (floats).
 */
final class LinearModel {
  private static final String MAGIC = "LKINJ";
  private static final int FORMAT_VERSION = 2;

  final int bits;
  final float[] weights;
  final float[] signalWeights;
  float bias;
  final int window;
  final int stride;
  double threshold;

  LinearModel(int bits, int window, int stride) {
    if (stride <= 0 || stride > window) {
      throw new IllegalArgumentException(
          "Stride must be within 1.." + window + " chars, got " + stride);
    }
    this.bits = bits;
    this.weights = new float[1 << bits];
    this.signalWeights = new float[Signals.COUNT];
    this.window = window;
    this.stride = stride;
    this.threshold = 0.5;
  }

  /** Returns the log-odds of an injection for one example. */
  double logit(FeatureVector features, float[] signals) {
    double sum = 0;
    for (int i = 0; i < features.size(); i++) {
      sum += weights[features.bucket(i)];
    }
    double logit = bias + sum * features.value();
    for (int i = 0; i < signals.length; i++) {
      logit += signalWeights[i] * signals[i];
    }
    return logit;
  }

  static double sigmoid(double logit) {
    return 1.0 / (1.0 + Math.exp(-logit));
  }

  /** Writes the model; the caller closes {@code out}. */
  void write(OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
    DataOutputStream data = new DataOutputStream(gzip);
    data.writeBytes(MAGIC);
    data.writeInt(FORMAT_VERSION);
    data.writeInt(bits);
    data.writeInt(window);
    data.writeInt(stride);
    data.writeDouble(threshold);
    data.writeFloat(bias);
    data.writeInt(signalWeights.length);
    for (float w : signalWeights) {
      data.writeFloat(w);
    }
    for (float w : weights) {
      data.writeFloat(w);
    }
    data.flush();
    gzip.finish();
  }

  /** Reads a model written by {@link #write}; the caller closes {@code in}. */
  static LinearModel read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16));
    byte[] magic = new byte[MAGIC.length()];
    data.readFully(magic);
    if (!MAGIC.equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))) {
      throw new IOException("Not an injection model file: the magic bytes are missing");
    }
    int version = data.readInt();
    if (version != FORMAT_VERSION) {
      throw new IOException(
          "Unsupported injection model format " + version + ", expected " + FORMAT_VERSION);
    }
    int bits = data.readInt();
    if (bits < 10 || bits > 24) {
      throw new IOException("Invalid hash bits in injection model: " + bits);
    }
    LinearModel model = new LinearModel(bits, data.readInt(), data.readInt());
    model.threshold = data.readDouble();
    model.bias = data.readFloat();
    int signals = data.readInt();
    if (signals != Signals.COUNT) {
      throw new IOException(
          "Injection model has " + signals + " signal weights, expected " + Signals.COUNT);
    }
    for (int i = 0; i < signals; i++) {
      model.signalWeights[i] = data.readFloat();
    }
    for (int i = 0; i < model.weights.length; i++) {
      model.weights[i] = data.readFloat();
    }
    return model;
  }
}
