package dev.lookout.core.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that rejects invalid bytes. The JDK's default decoding replaces them with U+FFFD,
 * which would let a guard or an evaluation read a text other than the one given.
 */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /** Returns a new decoder that reports malformed and unmappable input; decoders are not shared. */
  public static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * Returns {@code bytes} decoded as UTF-8.
   *
   * @throws CharacterCodingException if {@code bytes} hold an invalid UTF-8 sequence
   */
  public static String decode(byte[] bytes) throws CharacterCodingException {
    return decoder().decode(ByteBuffer.wrap(bytes)).toString();
  }
}
