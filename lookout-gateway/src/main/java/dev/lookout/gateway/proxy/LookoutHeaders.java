package dev.lookout.gateway.proxy;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;

/**
 * Reads Lookout's own {@code x-lookout-*} request headers as UTF-8. HTTP servers hand header bytes
 * over as ISO-8859-1 characters, one per byte, so without this a user id such as {@code ü名} would
 * be stored garbled and hash to another variant than the same id in the body's {@code user} field.
 * Bytes that are not valid UTF-8 become U+FFFD.
 */
public final class LookoutHeaders {
  private LookoutHeaders() {}

  /** Returns the header's value decoded as UTF-8, or null when the request lacks it. */
  public static String get(MultiMap headers, String name) {
    String value = headers.get(name);
    return value == null ? null : utf8(value);
  }

  /** Returns {@code raw}, a header value of ISO-8859-1 characters, decoded as UTF-8. */
  public static String utf8(String raw) {
    return new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
