package dev.lookout.core.guard.pii.tagger;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Read-only weights of the entity tagger: one row of {@link Tag#ALL} weights per hashed feature, in
 * an open-addressing table keyed by the feature hash. The file format is a gzip stream of a magic
 * number, the format version, the tag count, the row count and then each row as its key and its
 * weights.
 */
final class TaggerWeights {
  private static final int MAGIC = 0x4c4b5447; // "LKTG"
  private static final int VERSION = 1;

  private final long[] keys;
  private final int[] rows;
  private final float[] weights;
  private final int mask;

  private TaggerWeights(long[] keys, int[] rows, float[] weights) {
    this.keys = keys;
    this.rows = rows;
    this.weights = weights;
    this.mask = keys.length - 1;
  }

  /** Builds weights from rows of {@link Tag#ALL}-length arrays keyed by feature hash. */
  static TaggerWeights of(Map<Long, float[]> table) {
    int tags = Tag.ALL.length;
    int capacity = Integer.highestOneBit(Math.max(4, table.size() * 2)) * 2;
    long[] keys = new long[capacity];
    int[] rows = new int[capacity];
    float[] weights = new float[table.size() * tags];
    int row = 0;
    for (Map.Entry<Long, float[]> entry : table.entrySet()) {
      int slot = insertSlot(keys, entry.getKey());
      keys[slot] = entry.getKey();
      rows[slot] = row;
      System.arraycopy(entry.getValue(), 0, weights, row * tags, tags);
      row++;
    }
    return new TaggerWeights(keys, rows, weights);
  }

  private static int insertSlot(long[] keys, long key) {
    int mask = keys.length - 1;
    int slot = (int) (mix(key) & mask);
    while (keys[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long mix(long key) {
    return key ^ (key >>> 29) ^ (key >>> 41);
  }

  /** Adds the weights of feature {@code key} to {@code scores}; unknown features add nothing. */
  void addTo(long key, float[] scores) {
    int slot = (int) (mix(key) & mask);
    while (keys[slot] != 0) {
      if (keys[slot] == key) {
        int base = rows[slot] * scores.length;
        for (int t = 0; t < scores.length; t++) {
          scores[t] += weights[base + t];
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  int rowCount() {
    return weights.length / Tag.ALL.length;
  }

  /** Writes the weights in the format described on the class. */
  void write(OutputStream out) throws IOException {
    int tags = Tag.ALL.length;
    try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
      data.writeInt(MAGIC);
      data.writeInt(VERSION);
      data.writeInt(tags);
      data.writeInt(rowCount());
      for (int slot = 0; slot < keys.length; slot++) {
        if (keys[slot] != 0) {
          data.writeLong(keys[slot]);
          int base = rows[slot] * tags;
          for (int t = 0; t < tags; t++) {
            data.writeFloat(weights[base + t]);
          }
        }
      }
    }
  }

  /**
   * Reads weights written by {@link #write}.
   *
   * @throws IOException if the stream is not a weights file of this version and tag set
   */
  static TaggerWeights read(InputStream in) throws IOException {
    try (DataInputStream data = new DataInputStream(new GZIPInputStream(in))) {
      if (data.readInt() != MAGIC || data.readInt() != VERSION) {
        throw new IOException("Not an entity tagger weights file of version " + VERSION);
      }
      int tags = data.readInt();
      if (tags != Tag.ALL.length) {
        throw new IOException(
            "Weights file has " + tags + " tags but this tagger uses " + Tag.ALL.length);
      }
      int count = data.readInt();
      int capacity = Integer.highestOneBit(Math.max(4, count * 2)) * 2;
      long[] keys = new long[capacity];
      int[] rows = new int[capacity];
      float[] weights = new float[count * tags];
      for (int row = 0; row < count; row++) {
        long key = data.readLong();
        int slot = insertSlot(keys, key);
        keys[slot] = key;
        rows[slot] = row;
        for (int t = 0; t < tags; t++) {
          weights[row * tags + t] = data.readFloat();
        }
      }
      return new TaggerWeights(keys, rows, weights);
    }
  }
}
