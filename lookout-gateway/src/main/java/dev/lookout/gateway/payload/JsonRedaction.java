package dev.lookout.gateway.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Applies a text redactor to every string value and every object key of a JSON tree; numbers and
 * the tree's shape are kept. Keys are redacted too because a caller may key an object by personal
 * data, such as {@code "metadata": {"alice@example.com": "x"}}.
 */
final class JsonRedaction {
  private JsonRedaction() {}

  /** Returns the redacted tree; object and array nodes are changed in place. */
  static JsonNode redact(JsonNode node, UnaryOperator<String> redactor) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return TextNode.valueOf(redactor.apply(node.asText()));
    }
    if (node instanceof ObjectNode object) {
      Map<String, JsonNode> fields = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> iterator = object.fields();
      while (iterator.hasNext()) {
        Map.Entry<String, JsonNode> field = iterator.next();
        fields.put(field.getKey(), redact(field.getValue(), redactor));
      }
      object.removeAll();
      fields.forEach((key, value) -> object.set(uniqueKey(object, redactor.apply(key)), value));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, redact(array.get(i), redactor));
      }
    }
    return node;
  }

  /**
   * Returns {@code key}, or {@code key#2}, {@code key#3} and so on when {@code object} has it: two
   * keys that redact to the same text, as two e-mail addresses do, keep both values.
   */
  private static String uniqueKey(ObjectNode object, String key) {
    String unique = key;
    for (int n = 2; object.has(unique); n++) {
      unique = key + "#" + n;
    }
    return unique;
  }
}
