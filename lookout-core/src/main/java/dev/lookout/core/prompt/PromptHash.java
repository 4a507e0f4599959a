package dev.lookout.core.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes a prompt so identical prompts group together without storing their text.
 *
 * <p>The hash is SHA-256 over the canonical JSON of the prompt (object keys sorted, no whitespace),
 * cut to its first 16 hex characters. Two requests whose messages differ only in key order or
 * formatting get the same hash.
 */
public final class PromptHash {
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final int HEX_CHARS = 16;

  private PromptHash() {}

  /** Returns the hash of {@code prompt} (a chat {@code messages} array or a completion prompt). */
  public static String of(JsonNode prompt) {
    try {
      Object tree = CANONICAL.treeToValue(prompt, Object.class);
      byte[] canonical = CANONICAL.writeValueAsBytes(tree);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
      return HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Prompt is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Returns the hash of a plain-text prompt, encoded as UTF-8. */
  public static String ofText(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
