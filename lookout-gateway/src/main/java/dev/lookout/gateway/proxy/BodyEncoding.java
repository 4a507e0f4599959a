package dev.lookout.gateway.proxy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Content coding of a provider's response body, as its {@code Content-Encoding} header names it.
 * The gateway requests no coding, but some providers send gzip anyway. Of all codings, the gateway
 * can decode only gzip.
 */
public enum BodyEncoding {
  /** No coding: the header is absent, blank or {@code identity}. */
  IDENTITY,
  /** {@code gzip}, or its alias {@code x-gzip}. */
  GZIP,
  /**
   * Any other coding, such as {@code br} or {@code deflate}, or a list of codings such as {@code
   * gzip, gzip}.
   */
  UNREADABLE;

  /**
   * Returns the encoding that a {@code Content-Encoding} header value names.
   *
   * @param contentEncoding the header's value, or null when the response has no such header
   */
  public static BodyEncoding of(String contentEncoding) {
    if (contentEncoding == null || contentEncoding.isBlank()) {
      return IDENTITY;
    }
    String name = contentEncoding.trim().toLowerCase(Locale.ROOT);
    if (name.equals("identity")) {
      return IDENTITY;
    }
    if (name.equals("gzip") || name.equals("x-gzip")) {
      return GZIP;
    }
    return UNREADABLE;
  }

  /**
   * Returns {@code body} with this encoding undone. An {@link #UNREADABLE} body comes back
   * unchanged, so a caller that parses it still reads a provider's plain JSON under a wrong header,
   * and fails on anything else.
   *
   * @param maxBytes largest decoded size accepted
   * @throws IOException if a gzip body is not valid gzip or expands past {@code maxBytes}
   */
  public byte[] decode(byte[] body, int maxBytes) throws IOException {
    return this == GZIP ? gunzip(body, maxBytes) : body;
  }

  private static byte[] gunzip(byte[] compressed, int maxBytes) throws IOException {
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
