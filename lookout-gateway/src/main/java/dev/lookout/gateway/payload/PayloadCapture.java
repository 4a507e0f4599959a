package dev.lookout.gateway.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lookout.gateway.guard.GuardTextRedactor;
import dev.lookout.gateway.proxy.BodyEncoding;
import dev.lookout.gateway.proxy.Secrets;
import dev.lookout.store.payload.CaptureMode;
import dev.lookout.store.payload.Payload;
import dev.lookout.store.payload.PayloadKeys;
import dev.lookout.store.payload.PayloadStore;
import dev.lookout.store.payload.PayloadWriter;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Captures the bodies of calls into a payload store. {@link #offer} runs on the event loop and only
 * queues; parsing, redaction, compression and the upload run on the {@link PayloadWriter}'s thread.
 */
public final class PayloadCapture {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Largest decompressed response body kept; a larger one is stored as a note. */
  private static final int MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

  private final CaptureSettings settings;
  private final PayloadWriter writer;
  private final PayloadStore store;
  private final AtomicLong sampledOut = new AtomicLong();

  /**
   * @param writer queue and thread that store captured payloads, or null when capture is off
   * @param store where {@link #find} reads payloads, or null when no store is configured
   */
  public PayloadCapture(CaptureSettings settings, PayloadWriter writer, PayloadStore store) {
    this.settings = settings;
    this.writer = writer;
    this.store = store;
  }

  /** Returns a capture that stores and finds nothing. */
  public static PayloadCapture off() {
    return new PayloadCapture(CaptureSettings.off(), null, null);
  }

  /** Returns the mode of one call, or {@link CaptureMode#OFF} when nothing is to be stored. */
  public CaptureMode decide(String template, String requestId) {
    if (writer == null) {
      return CaptureMode.OFF;
    }
    CaptureMode mode = settings.decide(template, requestId);
    if (mode == CaptureMode.OFF && settings.modeFor(template) != CaptureMode.OFF) {
      sampledOut.incrementAndGet();
    }
    return mode;
  }

  /** Queues one call's bodies without blocking; returns false when the queue dropped them. */
  public boolean offer(CapturedCall call, CaptureMode mode) {
    if (writer == null || mode == CaptureMode.OFF) {
      return false;
    }
    long bytes =
        (call.request() == null ? 0 : call.request().length())
            + (call.response() == null ? 0 : call.response().length())
            + (call.streamed() == null || call.streamed().text() == null
                ? 0
                : 2L * call.streamed().text().length());
    return writer.offer(() -> build(call, mode), bytes);
  }

  /** Returns whether a payload store is configured, so {@link #find} can read payloads. */
  public boolean storeConfigured() {
    return store != null;
  }

  /**
   * Reads the stored payload of a request id. Blocks on the store, so call it off the event loop.
   *
   * @throws IllegalArgumentException if the id is not a Lookout request id
   */
  public Optional<Payload> find(String requestId) {
    if (store == null) {
      return Optional.empty();
    }
    return store.get(PayloadKeys.of(requestId)).map(Payload::decode);
  }

  /** Returns the writer, or null when capture is off. */
  public PayloadWriter writer() {
    return writer;
  }

  /** Returns the number of calls not captured because of the sample rate. */
  public long sampledOut() {
    return sampledOut.get();
  }

  private Payload build(CapturedCall call, CaptureMode mode) {
    JsonNode request = parse(call.request() == null ? null : call.request().getBytes());
    JsonNode response =
        call.streamed() != null
            ? call.streamed().toJson()
            : parse(decode(call.response(), call.responseEncoding()));
    // Provider keys go in every mode, full included: a provider's error body can quote the key
    // it rejected, and a caller can paste one into a prompt.
    request = JsonRedaction.redact(request, Secrets::scrub);
    response = JsonRedaction.redact(response, Secrets::scrub);
    if (mode == CaptureMode.REDACTED) {
      // A value split over two content parts is in no single string value.
      if (request != null && settings.redactor() instanceof GuardTextRedactor parts) {
        parts.redactSplitParts(request);
      }
      request = JsonRedaction.redact(request, settings.redactor());
      response = JsonRedaction.redact(response, settings.redactor());
    }
    return new Payload(call.requestId(), call.timestamp(), mode, call.stream(), request, response);
  }

  private static byte[] decode(Buffer body, String encoding) {
    if (body == null) {
      return null;
    }
    byte[] bytes = body.getBytes();
    try {
      return BodyEncoding.of(encoding).decode(bytes, MAX_RESPONSE_BYTES);
    } catch (IOException e) {
      return ("<gzip body of " + bytes.length + " bytes that could not be decompressed>")
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Returns the body as JSON, or as a JSON string when it is not JSON, or null when empty. */
  private static JsonNode parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node != null && !node.isMissingNode()) {
        return node;
      }
    } catch (IOException e) {
      // Not JSON, for example a plain-text error page from a proxy; kept as text below.
    }
    return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
  }
}
