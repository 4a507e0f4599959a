package dev.lookout.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptHashTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Returns the hash by its definition: SHA-256 of Jackson's sorted-map output of the prompt. */
  private static String reference(JsonNode prompt) throws Exception {
    ObjectMapper sorted =
        new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    byte[] canonical = sorted.writeValueAsBytes(sorted.treeToValue(prompt, Object.class));
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
    return HexFormat.of().formatHex(digest).substring(0, 16);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[{\"role\":\"user\",\"content\":\"hi\"}]",
        "[{\"content\":\"a\\\"b\\n\\u00e9\\ud83d\\ude00\",\"role\":\"system\",\"name\":null}]",
        "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"x\"},{\"type\":\"image_url\","
            + "\"image_url\":{\"url\":\"data:,\",\"detail\":\"low\"}}]}]",
        "{\"z\":1,\"a\":[1.5,-2,12345678901234,123456789012345678901234567890,1e300,0.1,true]}",
        "\"a completion prompt\"",
        "[]",
      })
  void matchesSortedKeyDefinition(String prompt) throws Exception {
    JsonNode node = JSON.readTree(prompt);

    assertThat(PromptHash.of(node)).isEqualTo(reference(node));
  }

  @Test
  void keyOrderIgnored() throws Exception {
    JsonNode first = JSON.readTree("[{\"role\":\"user\",\"content\":\"hi\"}]");
    JsonNode second = JSON.readTree("[{\"content\":\"hi\",  \"role\":\"user\"}]");

    assertThat(PromptHash.of(first)).isEqualTo(PromptHash.of(second));
  }

  @Test
  void textHashIsSixteenHex() {
    String expected =
        HexFormat.of().formatHex(sha256("hello".getBytes(StandardCharsets.UTF_8))).substring(0, 16);

    assertThat(PromptHash.ofText("hello")).isEqualTo(expected);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
