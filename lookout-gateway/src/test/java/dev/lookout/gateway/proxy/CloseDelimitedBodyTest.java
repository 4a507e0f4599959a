package dev.lookout.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CloseDelimitedBodyTest {
  private static final String JSON = "{\"id\":\"c\",\"choices\":[{\"index\":0}]}";
  private static final int MAX_BYTES = 1024;

  private static MultiMap headers(String... namesAndValues) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  private static boolean complete(String contentType, String encoding, byte[] body) {
    return CloseDelimitedBody.isKnownComplete(
        contentType, encoding, Buffer.buffer(body), MAX_BYTES);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(utf8(text));
    }
    return out.toByteArray();
  }

  @Test
  void http10WithoutLengthIsCloseDelimited() {
    assertThat(CloseDelimitedBody.isCloseDelimited(200, HttpVersion.HTTP_1_0, headers())).isTrue();
    assertThat(CloseDelimitedBody.isCloseDelimited(500, HttpVersion.HTTP_1_1, headers())).isTrue();
  }

  @Test
  void contentLengthDelimitsBody() {
    MultiMap headers = headers("Content-Length", "12");

    assertThat(CloseDelimitedBody.isCloseDelimited(200, HttpVersion.HTTP_1_0, headers)).isFalse();
  }

  @Test
  void chunkedCodingDelimitsBody() {
    assertThat(
            CloseDelimitedBody.isCloseDelimited(
                200, HttpVersion.HTTP_1_1, headers("Transfer-Encoding", "chunked")))
        .isFalse();
    assertThat(
            CloseDelimitedBody.isCloseDelimited(
                200, HttpVersion.HTTP_1_1, headers("Transfer-Encoding", "gzip, Chunked")))
        .isFalse();
  }

  @Test
  void codingNotEndingInChunkedIsCloseDelimited() {
    MultiMap headers = headers("Transfer-Encoding", "gzip");

    assertThat(CloseDelimitedBody.isCloseDelimited(200, HttpVersion.HTTP_1_1, headers)).isTrue();
  }

  @Test
  void http2IsNeverCloseDelimited() {
    assertThat(CloseDelimitedBody.isCloseDelimited(200, HttpVersion.HTTP_2, headers())).isFalse();
  }

  @Test
  void responsesWithoutBodyAreNotCloseDelimited() {
    assertThat(CloseDelimitedBody.isCloseDelimited(204, HttpVersion.HTTP_1_0, headers())).isFalse();
    assertThat(CloseDelimitedBody.isCloseDelimited(304, HttpVersion.HTTP_1_0, headers())).isFalse();
  }

  @Test
  void wholeJsonIsComplete() {
    assertThat(complete("application/json", null, utf8(JSON))).isTrue();
    assertThat(complete("Application/JSON; charset=utf-8", null, utf8(JSON))).isTrue();
    assertThat(complete("application/problem+json", null, utf8(JSON))).isTrue();
  }

  @Test
  void truncatedJsonIsNotComplete() {
    for (int length = 0; length < JSON.length(); length++) {
      byte[] cut = utf8(JSON.substring(0, length));

      assertThat(complete("application/json", null, cut)).as("first %d bytes", length).isFalse();
    }
  }

  @Test
  void wholeGzipJsonIsComplete() throws IOException {
    assertThat(complete("application/json", "gzip", gzip(JSON))).isTrue();
  }

  @Test
  void truncatedGzipJsonIsNotComplete() throws IOException {
    byte[] compressed = gzip(JSON);
    byte[] cut = Arrays.copyOf(compressed, compressed.length - 8);

    assertThat(complete("application/json", "gzip", cut)).isFalse();
  }

  @Test
  void unreadableJsonIsNotComplete() throws IOException {
    assertThat(complete("application/json", "br", gzip(JSON))).isFalse();
  }

  @Test
  void nonJsonBodyIsNotKnownComplete() {
    assertThat(complete("text/plain", null, utf8("all done"))).isFalse();
    assertThat(complete(null, null, utf8(JSON))).isFalse();
  }

  @Test
  void uncopiedBodyIsNotKnownComplete() {
    assertThat(CloseDelimitedBody.isKnownComplete("application/json", null, null, MAX_BYTES))
        .isFalse();
  }
}
