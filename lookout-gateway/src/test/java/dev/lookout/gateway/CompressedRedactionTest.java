package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Compressed responses through a redacting gateway, from a provider that compresses although the
 * gateway asked for no encoding. A body the guards rewrite goes out uncompressed, and one they
 * cannot read does not go out at all.
 */
class CompressedRedactionTest extends FullCaptureGatewayTest {
  private static final String BODY =
      "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":\"Mail carol@example.com\"},"
          + "\"finish_reason\":\"stop\"}]}";

  private HttpResponse<String> send(
      String contentType, String encoding, byte[] body, boolean stream) throws Exception {
    gateway.upstream.handler(
        (request, ignored) ->
            request
                .response()
                .setStatusCode(200)
                .putHeader("content-type", contentType)
                .putHeader("content-encoding", encoding)
                .end(Buffer.buffer(body)));
    return gateway.post(RedactingGateway.chat(stream));
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static byte[] deflate(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream zip = new DeflaterOutputStream(out)) {
      zip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void gzipBodyIsRedacted() throws Exception {
    HttpResponse<String> response = send("application/json", "gzip", gzip(BODY), false);

    assertThat(response.body()).contains("Mail [EMAIL]");
  }

  @Test
  void redactedBodyHasNoEncoding() throws Exception {
    HttpResponse<String> response = send("application/json", "gzip", gzip(BODY), false);

    assertThat(response.headers().firstValue("content-encoding")).isEmpty();
  }

  @Test
  void deflateBodyIsRejected() throws Exception {
    HttpResponse<String> response = send("application/json", "deflate", deflate(BODY), false);

    assertThat(response.statusCode()).isEqualTo(502);
  }

  @Test
  void twiceGzippedBodyIsRejected() throws Exception {
    byte[] twice = gzip(new String(gzip(BODY), StandardCharsets.ISO_8859_1));

    HttpResponse<String> response = send("application/json", "gzip, gzip", twice, false);

    assertThat(response.statusCode()).isEqualTo(502);
  }

  @Test
  void rejectionNamesEncoding() throws Exception {
    HttpResponse<String> response = send("application/json", "deflate", deflate(BODY), false);

    assertThat(response.body()).contains("upstream_unreadable");
  }

  @Test
  void gzipStreamIsRejected() throws Exception {
    String events = RedactingGateway.content("Mail carol@example.com") + "data: [DONE]\n\n";

    HttpResponse<String> response = send("text/event-stream", "gzip", gzip(events), true);

    assertThat(response.statusCode()).isEqualTo(502);
  }

  @Test
  void rejectedCallIsRecorded() throws Exception {
    send("application/json", "deflate", deflate(BODY), false);

    assertThat(gateway.awaitRecord().errorType()).isEqualTo("upstream_unreadable");
  }
}
