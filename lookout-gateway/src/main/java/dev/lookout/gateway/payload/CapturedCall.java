package dev.lookout.gateway.payload;

import io.vertx.core.buffer.Buffer;
import java.time.Instant;

/**
 * Bodies of one captured call, handed from the event loop to the payload writer. The buffers are no
 * longer written once the call is finished, so the writer thread may read them.
 *
 * @param request the request body as the client sent it, before any input redaction
 * @param response the response body as the client received it, or Lookout's own error body; null
 *     for a stream
 * @param responseEncoding the response's {@code content-encoding}, or null
 * @param streamed the reassembled stream, or null when the response was not a stream
 */
public record CapturedCall(
    String requestId,
    Instant timestamp,
    boolean stream,
    Buffer request,
    Buffer response,
    String responseEncoding,
    StreamedResponse streamed) {}
