package dev.lookout.gateway.sim;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the fields of OpenAI request bodies that come in more than one shape. */
final class RequestFields {
  private RequestFields() {}

  /**
   * Returns a required non-blank string field.
   *
   * @throws InvalidRequestException when the field is missing, blank or not a string
   */
  static String requiredText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new InvalidRequestException(
          field, "Missing \"" + field + "\": give it as a non-empty string.");
    }
    return value.asText();
  }

  /**
   * Returns the text of a chat message's content: the string itself, or the text parts of an array
   * of content parts joined with newlines.
   */
  static String contentText(JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    if (content.isArray()) {
      for (JsonNode part : content) {
        JsonNode partText = part.isTextual() ? part : part.get("text");
        if (partText != null && partText.isTextual()) {
          if (text.length() > 0) {
            text.append('\n');
          }
          text.append(partText.asText());
        }
      }
    }
    return text.toString();
  }

  /**
   * Returns the legacy completions prompt: the string, or the first element of an array of strings.
   * A prompt of token ids is returned as its JSON text, which is only a lookup key.
   *
   * @throws InvalidRequestException when the prompt is missing
   */
  static String promptText(JsonNode prompt) {
    if (prompt == null || prompt.isNull()) {
      throw new InvalidRequestException(
          "prompt", "Missing \"prompt\": give a string or an array of strings.");
    }
    if (prompt.isTextual()) {
      return prompt.asText();
    }
    if (prompt.isArray() && !prompt.isEmpty() && prompt.get(0).isTextual()) {
      return prompt.get(0).asText();
    }
    return prompt.toString();
  }
}
