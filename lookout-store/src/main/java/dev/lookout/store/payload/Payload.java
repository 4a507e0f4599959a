package dev.lookout.store.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The stored bodies of one call, encoded as a gzip-compressed JSON object:
 *
 * <pre>{@code
 * {"request_id": "0193...", "timestamp": "2026-12-04T18:05:00.123Z", "capture": "redacted",
 *  "stream": false, "request": {...}, "response": {...}}
 * }</pre>
 *
 * @param request the request body as JSON, or a JSON string when it was not valid JSON
 * @param response the response body as JSON, or a JSON string when it was not JSON; for a stream,
 *     the response reassembled from its events (see the README)
 */
public record Payload(
    String requestId,
    Instant timestamp,
    CaptureMode capture,
    boolean stream,
    JsonNode request,
    JsonNode response) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Payload {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(capture, "capture");
  }

  /** Returns the payload as the JSON object shown above. */
  public ObjectNode toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("request_id", requestId);
    node.put("timestamp", timestamp.toString());
    node.put("capture", capture.wireName());
    node.put("stream", stream);
    node.set("request", request == null ? JSON.nullNode() : request);
    node.set("response", response == null ? JSON.nullNode() : response);
    return node;
  }

  /** Returns the JSON object, gzip-compressed. */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      JSON.writeValue(gzip, toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("Compressing the payload of " + requestId + " failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads an object written by {@link #encode()}.
   *
   * @throws PayloadStoreException if the bytes are not a gzip-compressed payload object
   */
  public static Payload decode(byte[] object) {
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(object))) {
      JsonNode node = JSON.readTree(gzip);
      return new Payload(
          node.path("request_id").asText(),
          Instant.parse(node.path("timestamp").asText()),
          CaptureMode.parse("capture", node.path("capture").asText()),
          node.path("stream").asBoolean(false),
          node.get("request"),
          node.get("response"));
    } catch (IOException | RuntimeException e) {
      throw new PayloadStoreException("A stored payload object is not valid: " + e, e);
    }
  }
}
