package dev.lookout.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caller and prompt template of a call, read from the request body's standard fields ({@code
 * user}, {@code metadata}) and from Lookout's headers. A header wins over the body field it
 * duplicates, because it was set for Lookout on purpose. Headers are read as UTF-8.
 *
 * @param user {@code x-lookout-user}, else the body's {@code user}
 * @param template {@code x-lookout-template}
 * @param templateVersion {@code x-lookout-template-version}
 * @param metadata the body's {@code metadata} object merged with {@code x-lookout-metadata}
 */
public record Attribution(
    String user, String template, String templateVersion, Map<String, String> metadata) {

  /** Most metadata entries kept per call; the store is not a place for large documents. */
  public static final int MAX_METADATA_ENTRIES = 32;

  /** Maximum length of a metadata key or value, in characters; longer ones are cut. */
  public static final int MAX_METADATA_VALUE_CHARS = 256;

  /**
   * Maximum length of a user id, in characters; a longer one is cut. Ids come from requests and are
   * stored, listed and grouped on, so one without a bound could fill the heap.
   */
  public static final int MAX_USER_CHARS = 256;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads the attribution of one request.
   *
   * @throws IllegalArgumentException if {@code x-lookout-metadata} is not a JSON object; the
   *     message names the header and shows the expected shape
   */
  public static Attribution read(JsonNode body, MultiMap headers) {
    String user = LookoutHeaders.get(headers, "x-lookout-user");
    if (user == null && body.path("user").isTextual()) {
      user = body.get("user").asText();
    }
    if (user != null && user.length() > MAX_USER_CHARS) {
      user = user.substring(0, MAX_USER_CHARS);
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    addAll(metadata, body.path("metadata"));
    String header = LookoutHeaders.get(headers, "x-lookout-metadata");
    if (header != null) {
      addAll(metadata, parseHeader(header));
    }
    return new Attribution(
        user,
        LookoutHeaders.get(headers, "x-lookout-template"),
        LookoutHeaders.get(headers, "x-lookout-template-version"),
        metadata);
  }

  private static JsonNode parseHeader(String header) {
    try {
      JsonNode node = JSON.readTree(header);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // Reported below with the expected shape.
    }
    throw new IllegalArgumentException(
        "Header x-lookout-metadata must be a JSON object such as {\"team\":\"search\"}, got: "
            + abbreviate(header));
  }

  private static void addAll(Map<String, String> metadata, JsonNode object) {
    if (!object.isObject()) {
      return;
    }
    var fields = object.fields();
    while (fields.hasNext() && metadata.size() < MAX_METADATA_ENTRIES) {
      var field = fields.next();
      JsonNode value = field.getValue();
      String text = value.isTextual() ? value.asText() : value.toString();
      metadata.put(abbreviate(field.getKey()), abbreviate(text));
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= MAX_METADATA_VALUE_CHARS
        ? text
        : text.substring(0, MAX_METADATA_VALUE_CHARS);
  }
}
