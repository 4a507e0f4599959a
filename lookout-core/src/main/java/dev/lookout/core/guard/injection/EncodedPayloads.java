package dev.lookout.core.guard.injection;

import dev.lookout.core.io.StrictUtf8;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds base64 and hex blobs in a text that decode to readable text, so that the classifier can
 * score an instruction hidden as {@code aWdub3JlIGFsbCBwcmV2aW91cyBpbnN0cnVjdGlvbnM=}. Blobs that
 * decode to binary data (hashes, keys, images) are skipped.
 */
final class EncodedPayloads {
  /** Max blobs decoded per text, which bounds the cost of a text made of many blobs. */
  static final int MAX_PAYLOADS = 4;

  /** Min length of a contiguous blob: 12 bytes of base64 or 8 bytes of hex. */
  private static final int MIN_BLOB_CHARS = 16;

  /** Hex bytes separated by spaces or colons, such as {@code 69 67 6e 6f 72 65}. */
  private static final Pattern SPACED_HEX =
      Pattern.compile("\\b[0-9A-Fa-f]{2}(?:[ :][0-9A-Fa-f]{2}){11,}\\b");

  private static final double MIN_PRINTABLE = 0.95;
  private static final int MIN_LETTERS = 8;

  private EncodedPayloads() {}

  /**
   * Returns the readable texts that blobs in {@code text} decode to, at most {@link #MAX_PAYLOADS}.
   */
  static List<String> decode(String text) {
    List<String> out = new ArrayList<>();
    // A hand-written scan for runs of base64 characters: a regex tried at every position costs
    // several times more on ordinary prose, which has no run of 16 such characters.
    int i = 0;
    while (i < text.length() && out.size() < MAX_PAYLOADS) {
      if (!isBase64Char(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && isBase64Char(text.charAt(i))) {
        i++;
      }
      if (i - start < MIN_BLOB_CHARS) {
        continue;
      }
      String blob = text.substring(start, i);
      if (isHex(blob)) {
        addIfReadable(decodeHex(blob), out);
      } else if (hasMixedCase(blob)) {
        addIfReadable(decodeBase64(blob), out);
      }
    }
    if (out.size() < MAX_PAYLOADS && text.length() >= 2 * MIN_BLOB_CHARS && hasSpacedHexRun(text)) {
      Matcher hex = SPACED_HEX.matcher(text);
      while (out.size() < MAX_PAYLOADS && hex.find()) {
        addIfReadable(decodeHex(hex.group()), out);
      }
    }
    return out;
  }

  /**
   * Returns whether {@code text} contains the shape {@link #SPACED_HEX} needs: twelve hex pairs,
   * each after the first preceded by a space or a colon. The pattern then runs only on texts that
   * may match, since trying it at every position of a 2 KB prompt cost more than the blob scan.
   */
  static boolean hasSpacedHexRun(String text) {
    for (int i = 0; i + 1 < text.length(); i++) {
      if (!isHexPair(text, i)) {
        continue;
      }
      int pairs = 1;
      int at = i + 2;
      while (at + 2 < text.length()
          && (text.charAt(at) == ' ' || text.charAt(at) == ':')
          && isHexPair(text, at + 1)) {
        if (++pairs >= 12) {
          return true;
        }
        at += 3;
      }
    }
    return false;
  }

  private static boolean isHexPair(String text, int at) {
    return isHexChar(text.charAt(at)) && isHexChar(text.charAt(at + 1));
  }

  private static boolean isHexChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isBase64Char(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '_'
        || c == '-'
        || c == '=';
  }

  private static boolean isHex(String blob) {
    if (blob.length() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < blob.length(); i++) {
      if (!isHexChar(blob.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Plain words and identifiers rarely mix upper and lower case the way base64 does. */
  private static boolean hasMixedCase(String blob) {
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < blob.length(); i++) {
      char c = blob.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
    }
    return upper && lower;
  }

  private static byte[] decodeBase64(String blob) {
    String body = blob.replace('-', '+').replace('_', '/');
    int end = body.indexOf('=');
    String unpadded = end < 0 ? body : body.substring(0, end);
    // The JDK decoder accepts a missing padding but not a single char after the last whole group,
    // which a blob cut short can end with.
    String whole =
        unpadded.length() % 4 == 1 ? unpadded.substring(0, unpadded.length() - 1) : unpadded;
    try {
      return Base64.getDecoder().decode(whole);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static byte[] decodeHex(String blob) {
    String digits = blob.replace(" ", "").replace(":", "");
    byte[] bytes = new byte[digits.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(digits, 2 * i, 2 * i + 2, 16);
    }
    return bytes;
  }

  private static void addIfReadable(byte[] bytes, List<String> out) {
    if (bytes.length == 0) {
      return;
    }
    String decoded;
    try {
      decoded = StrictUtf8.decode(bytes);
    } catch (CharacterCodingException e) {
      return;
    }
    int printable = 0;
    int letters = 0;
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (!Character.isISOControl(c) || c == '\n' || c == '\t') {
        printable++;
      }
      if (Character.isLetter(c)) {
        letters++;
      }
    }
    if (printable >= MIN_PRINTABLE * decoded.length()
        && letters >= MIN_LETTERS
        && decoded.indexOf(' ') >= 0) {
      out.add(decoded);
    }
  }
}
