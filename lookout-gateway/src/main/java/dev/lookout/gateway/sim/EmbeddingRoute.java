package dev.lookout.gateway.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.tokens.TokenCounter;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves {@code POST /v1/embeddings} with {@link EmbeddingVectors}: one vector per input, in the
 * requested {@code dimensions} (384 by default) and {@code encoding_format} ("float" or "base64").
 */
final class EmbeddingRoute {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final TokenCounter tokenCounter;

  EmbeddingRoute(TokenCounter tokenCounter) {
    this.tokenCounter = tokenCounter;
  }

  /**
   * Sends the embeddings of {@code body.input}.
   *
   * @throws InvalidRequestException when model or input is missing, or a field is out of range
   */
  void handle(HttpServerResponse response, JsonNode body) {
    String model = RequestFields.requiredText(body, "model");
    int dimensions = dimensions(body.get("dimensions"));
    String format = body.path("encoding_format").asText("float");
    if (!format.equals("float") && !format.equals("base64")) {
      throw new InvalidRequestException(
          "encoding_format",
          "Invalid \"encoding_format\": \"" + format + "\". Use \"float\" or \"base64\".");
    }
    List<String> texts = new ArrayList<>();
    int promptTokens = 0;
    JsonNode input = body.get("input");
    if (input != null && input.isTextual()) {
      texts.add(input.asText());
      promptTokens += tokenCounter.countText(model, input.asText());
    } else if (input != null && input.isArray() && !input.isEmpty()) {
      if (input.get(0).isInt()) {
        // One input given as token ids: count the ids, and use their JSON text as the seed.
        texts.add(input.toString());
        promptTokens += input.size();
      } else {
        for (JsonNode item : input) {
          texts.add(item.isTextual() ? item.asText() : item.toString());
          promptTokens +=
              item.isTextual() ? tokenCounter.countText(model, item.asText()) : item.size();
        }
      }
    } else {
      throw new InvalidRequestException(
          "input", "Missing \"input\": give a string or a non-empty array of strings.");
    }

    ObjectNode result = MAPPER.createObjectNode();
    result.put("object", "list");
    ArrayNode data = result.putArray("data");
    for (int i = 0; i < texts.size(); i++) {
      float[] vector = EmbeddingVectors.unitVector(texts.get(i), dimensions);
      ObjectNode item = data.addObject();
      item.put("object", "embedding");
      item.put("index", i);
      if (format.equals("base64")) {
        item.put("embedding", EmbeddingVectors.base64(vector));
      } else {
        ArrayNode components = item.putArray("embedding");
        for (float component : vector) {
          components.add(component);
        }
      }
    }
    result.put("model", model);
    ObjectNode usage = result.putObject("usage");
    usage.put("prompt_tokens", promptTokens);
    usage.put("total_tokens", promptTokens);
    response.putHeader("content-type", "application/json").end(result.toString());
  }

  private static int dimensions(JsonNode value) {
    if (value == null || value.isNull()) {
      return EmbeddingVectors.DEFAULT_DIMENSIONS;
    }
    if (!value.isInt() || value.asInt() < 1 || value.asInt() > EmbeddingVectors.MAX_DIMENSIONS) {
      throw new InvalidRequestException(
          "dimensions",
          "Invalid \"dimensions\": "
              + value
              + ". Use a whole number from 1 to "
              + EmbeddingVectors.MAX_DIMENSIONS
              + ".");
    }
    return value.asInt();
  }
}
