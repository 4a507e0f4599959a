package dev.lookout.gateway.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Applies a text redactor to every string value of a JSON tree; keys and numbers are kept. */
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
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        field.setValue(redact(field.getValue(), redactor));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, redact(array.get(i), redactor));
      }
    }
    return node;
  }
}
