package dev.lookout.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import java.io.IOException;
import java.util.Locale;

/**
 * Checks for a response body that only the close of its connection ends, as HTTP/1.0 servers send
 * it without Content-Length or chunked transfer coding. A client reads any such close as the body's
 * clean end, so a body that the gateway's stop cut off looks whole unless its content shows the
 * cut.
 */
final class CloseDelimitedBody {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CloseDelimitedBody() {}

  /**
   * Returns whether only the connection's close ends the body of a response with this status,
   * version and headers. A 1xx, 204 or 304 response has no body, and Content-Length or a final
   * chunked transfer coding ends a body over HTTP/1.x.
   */
  static boolean isCloseDelimited(int status, HttpVersion version, MultiMap headers) {
    if (version == HttpVersion.HTTP_2) {
      // HTTP/2 ends a body with a flag on its last frame.
      return false;
    }
    if (status / 100 == 1 || status == 204 || status == 304) {
      return false;
    }
    if (headers.contains(HttpHeaders.CONTENT_LENGTH)) {
      return false;
    }
    String transferEncoding = headers.get(HttpHeaders.TRANSFER_ENCODING);
    return transferEncoding == null
        || !transferEncoding.trim().toLowerCase(Locale.ROOT).endsWith("chunked");
  }

  /**
   * Returns whether the body is known to be whole: its Content-Type is JSON, and it decodes and
   * parses as one complete JSON value. Any other body is not known to be whole.
   *
   * @param body the body as received, or null when it was too large to keep
   * @param maxBytes largest decoded size read
   */
  static boolean isKnownComplete(
      String contentType, String contentEncoding, Buffer body, int maxBytes) {
    if (body == null || !isJson(contentType)) {
      return false;
    }
    try {
      JsonNode node =
          JSON.readTree(BodyEncoding.of(contentEncoding).decode(body.getBytes(), maxBytes));
      return node != null && !node.isMissingNode();
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns whether a Content-Type is {@code application/json} or a {@code +json} type. */
  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }
}
