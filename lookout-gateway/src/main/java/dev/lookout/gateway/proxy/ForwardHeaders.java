package dev.lookout.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides which headers cross the gateway. Hop-by-hop headers (RFC 9110, section 7.6.1) belong to
 * one connection and never cross; Lookout's own {@code x-lookout-*} headers stop at the gateway.
 */
public final class ForwardHeaders {
  /** Prefix of the headers Lookout reads and removes before forwarding. */
  public static final String LOOKOUT_PREFIX = "x-lookout-";

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");

  private ForwardHeaders() {}

  /**
   * Copies the client's headers for the upstream request. {@code Host} and {@code Content-Length}
   * are set by the HTTP client; {@code Accept-Encoding} is dropped so the provider answers
   * uncompressed and the gateway can read usage from the body it passes through.
   */
  public static void copyRequest(MultiMap from, MultiMap to) {
    for (Map.Entry<String, String> header : from) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (HOP_BY_HOP.contains(name)
          || name.startsWith(LOOKOUT_PREFIX)
          || name.equals("host")
          || name.equals("content-length")
          || name.equals("accept-encoding")) {
        continue;
      }
      to.add(header.getKey(), header.getValue());
    }
  }

  /** Copies the provider's response headers for the client, leaving out hop-by-hop headers. */
  public static void copyResponse(MultiMap from, MultiMap to) {
    for (Map.Entry<String, String> header : from) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (HOP_BY_HOP.contains(name)) {
        continue;
      }
      to.add(header.getKey(), header.getValue());
    }
  }
}
