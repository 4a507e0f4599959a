package dev.lookout.gateway.proxy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/** Decompresses a gzip body that a provider sent although the gateway asked for none. */
final class Gzip {
  private Gzip() {}

  /**
   * Returns the decompressed bytes.
   *
   * @throws IOException if the bytes are not gzip, or expand past {@code maxBytes}
   */
  static byte[] decompress(byte[] compressed, int maxBytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) > 0) {
        if (out.size() + read > maxBytes) {
          throw new IOException("gzip body expands past " + maxBytes + " bytes");
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    }
  }
}
