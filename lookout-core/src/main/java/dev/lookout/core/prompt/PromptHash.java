package dev.lookout.core.prompt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Hashes a prompt so identical prompts group together without storing their text.
 *
 * <p>The hash is SHA-256 over the canonical JSON of the prompt (object keys sorted, no whitespace,
 * every fractional number written as a double), cut to its first 16 hex characters. Two requests
 * whose messages differ only in key order or formatting get the same hash.
 */
public final class PromptHash {
  private static final JsonFactory JSON = new JsonFactory();
  private static final int HEX_CHARS = 16;

  private PromptHash() {}

  /** Returns the hash of {@code prompt} (a chat {@code messages} array or a completion prompt). */
  public static String of(JsonNode prompt) {
    MessageDigest digest = sha256();
    // The canonical JSON streams into the digest: no copy of the prompt as a tree or as bytes.
    try (JsonGenerator generator =
        JSON.createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
      write(generator, prompt);
    } catch (IOException e) {
      throw new UncheckedIOException("Hashing a prompt failed: " + e.getMessage(), e);
    }
    return hex(digest.digest());
  }

  /** Returns the hash of a plain-text prompt, encoded as UTF-8. */
  public static String ofText(String text) {
    return hex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static void write(JsonGenerator generator, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
        fields.addAll(node.properties());
        fields.sort(Map.Entry.comparingByKey());
        generator.writeStartObject();
        for (Map.Entry<String, JsonNode> field : fields) {
          generator.writeFieldName(field.getKey());
          write(generator, field.getValue());
        }
        generator.writeEndObject();
      }
      case ARRAY -> {
        generator.writeStartArray();
        for (JsonNode element : node) {
          write(generator, element);
        }
        generator.writeEndArray();
      }
      case STRING -> generator.writeString(node.textValue());
      case BOOLEAN -> generator.writeBoolean(node.booleanValue());
      case NUMBER -> writeNumber(generator, node);
      case NULL, MISSING -> generator.writeNull();
      default -> generator.writeString(node.asText());
    }
  }

  private static void writeNumber(JsonGenerator generator, JsonNode node) throws IOException {
    if (node.isInt() || node.isShort()) {
      generator.writeNumber(node.intValue());
    } else if (node.isLong()) {
      generator.writeNumber(node.longValue());
    } else if (node.isBigInteger()) {
      generator.writeNumber(node.bigIntegerValue());
    } else {
      generator.writeNumber(node.doubleValue());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest, 0, HEX_CHARS / 2);
  }
}
