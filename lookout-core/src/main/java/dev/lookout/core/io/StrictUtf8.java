package dev.lookout.core.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
    return decode(ByteBuffer.wrap(bytes));
  }

  /**
   * Returns the remaining bytes of {@code bytes} decoded as UTF-8, consuming them.
   *
   * @throws InvalidUtf8Exception if they hold an invalid UTF-8 sequence; it names the sequence's
   *     offset from the buffer's position at the call
   */
  public static String decode(ByteBuffer bytes) throws InvalidUtf8Exception {
    int start = bytes.position();
    CharsetDecoder decoder = decoder();
    // UTF-8 never decodes to more chars than it has bytes.
    CharBuffer out = CharBuffer.allocate(bytes.remaining());
    CoderResult result = decoder.decode(bytes, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = bytes.position() - start;
      byte[] sequence = new byte[result.length()];
      bytes.get(bytes.position(), sequence);
      throw new InvalidUtf8Exception(offset, sequence);
    }
    return out.flip().toString();
  }

  /** An invalid UTF-8 sequence, with its offset in the decoded bytes. */
  public static final class InvalidUtf8Exception extends CharacterCodingException {
    private final long offset;
    private final byte[] sequence;

    InvalidUtf8Exception(long offset, byte[] sequence) {
      this.offset = offset;
      this.sequence = sequence;
    }

    /** Offset in bytes of the first invalid sequence, counted from 0. */
    public long offset() {
      return offset;
    }

    /** Returns the invalid bytes as hexadecimal pairs, such as {@code "c0 80"}. */
    public String hex() {
      StringBuilder hex = new StringBuilder();
      for (byte b : sequence) {
        if (!hex.isEmpty()) {
          hex.append(' ');
        }
        hex.append(String.format("%02x", b & 0xff));
      }
      return hex.toString();
    }

    @Override
    public String getMessage() {
      return "invalid UTF-8 sequence " + hex() + " at byte offset " + offset;
    }
  }
}
