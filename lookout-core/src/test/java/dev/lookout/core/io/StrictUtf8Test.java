package dev.lookout.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {
  @Test
  void decodesValidText() throws Exception {
    byte[] bytes = "café 東京".getBytes(StandardCharsets.UTF_8);
    assertThat(StrictUtf8.decode(bytes)).isEqualTo("café 東京");
  }

  @Test
  void rejectsLatin1Byte() {
    byte[] bytes = {'c', 'a', 'f', (byte) 0xE9};
    assertThatThrownBy(() -> StrictUtf8.decode(bytes)).isInstanceOf(CharacterCodingException.class);
  }

  @Test
  void rejectsEncodedSurrogate() {
    byte[] bytes = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
    assertThatThrownBy(() -> StrictUtf8.decode(bytes)).isInstanceOf(CharacterCodingException.class);
  }

  @Test
  void reportsOffsetOfOverlongSequence() {
    byte[] bytes = {'{', '"', 'a', (byte) 0xC0, (byte) 0x80, '"', '}'};

    assertThatThrownBy(() -> StrictUtf8.decode(ByteBuffer.wrap(bytes)))
        .isInstanceOfSatisfying(
            StrictUtf8.InvalidUtf8Exception.class,
            e -> {
              assertThat(e.offset()).isEqualTo(3);
              assertThat(e.hex()).isEqualTo("c0");
            });
  }

  @Test
  void reportsOffsetZeroOfByteOrderMarkOfUtf16() {
    byte[] bytes = {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0};

    assertThatThrownBy(() -> StrictUtf8.decode(ByteBuffer.wrap(bytes)))
        .isInstanceOfSatisfying(
            StrictUtf8.InvalidUtf8Exception.class, e -> assertThat(e.offset()).isZero());
  }

  @Test
  void decodesBufferFromItsPosition() throws Exception {
    ByteBuffer bytes = ByteBuffer.wrap("xxcafé".getBytes(StandardCharsets.UTF_8));
    bytes.position(2);

    assertThat(StrictUtf8.decode(bytes)).isEqualTo("café");
  }
}
