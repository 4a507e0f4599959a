package dev.lookout.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyEncodingTest {
  private static final byte[] JSON = "{\"id\":\"r\"}".getBytes(StandardCharsets.UTF_8);

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void missingHeaderIsIdentity() {
    assertThat(BodyEncoding.of(null)).isEqualTo(BodyEncoding.IDENTITY);
    assertThat(BodyEncoding.of("")).isEqualTo(BodyEncoding.IDENTITY);
    assertThat(BodyEncoding.of("  ")).isEqualTo(BodyEncoding.IDENTITY);
  }

  @Test
  void identityIgnoresCaseAndSpaces() {
    assertThat(BodyEncoding.of("identity")).isEqualTo(BodyEncoding.IDENTITY);
    assertThat(BodyEncoding.of(" Identity ")).isEqualTo(BodyEncoding.IDENTITY);
  }

  @Test
  void gzipAndAliasAreGzip() {
    assertThat(BodyEncoding.of("gzip")).isEqualTo(BodyEncoding.GZIP);
    assertThat(BodyEncoding.of("x-gzip")).isEqualTo(BodyEncoding.GZIP);
    assertThat(BodyEncoding.of(" GZIP ")).isEqualTo(BodyEncoding.GZIP);
  }

  @Test
  void otherCodingsAreUnreadable() {
    assertThat(BodyEncoding.of("br")).isEqualTo(BodyEncoding.UNREADABLE);
    assertThat(BodyEncoding.of("deflate")).isEqualTo(BodyEncoding.UNREADABLE);
    assertThat(BodyEncoding.of("gzip, gzip")).isEqualTo(BodyEncoding.UNREADABLE);
    assertThat(BodyEncoding.of("gzip, br")).isEqualTo(BodyEncoding.UNREADABLE);
  }

  @Test
  void gzipBodyIsDecompressed() throws IOException {
    assertThat(BodyEncoding.GZIP.decode(gzip(JSON), 1024)).isEqualTo(JSON);
  }

  @Test
  void gzipBodyMayFillLimit() throws IOException {
    assertThat(BodyEncoding.GZIP.decode(gzip(JSON), JSON.length)).isEqualTo(JSON);
  }

  @Test
  void gzipBodyPastLimitFails() throws IOException {
    byte[] compressed = gzip(JSON);

    assertThatThrownBy(() -> BodyEncoding.GZIP.decode(compressed, JSON.length - 1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expands past");
  }

  @Test
  void invalidGzipFails() {
    assertThatThrownBy(() -> BodyEncoding.GZIP.decode(JSON, 1024)).isInstanceOf(IOException.class);
  }

  @Test
  void truncatedGzipFails() throws IOException {
    byte[] compressed = gzip(JSON);
    byte[] cut = java.util.Arrays.copyOf(compressed, compressed.length - 4);

    assertThatThrownBy(() -> BodyEncoding.GZIP.decode(cut, 1024)).isInstanceOf(IOException.class);
  }

  @Test
  void identityBodyIsUnchanged() throws IOException {
    assertThat(BodyEncoding.IDENTITY.decode(JSON, 1)).isEqualTo(JSON);
  }

  @Test
  void unreadableBodyIsUnchanged() throws IOException {
    byte[] compressed = gzip(JSON);

    assertThat(BodyEncoding.UNREADABLE.decode(compressed, 1)).isEqualTo(compressed);
  }
}
