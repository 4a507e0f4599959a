package dev.lookout.core.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads LiteLLM's {@code model_prices_and_context_window.json}: an object keyed by model name whose
 * entries give prices in USD per token as JSON numbers ({@code "input_cost_per_token": 2.5e-06}).
 *
 * <p>The numbers must be parsed as {@link BigDecimal} (Jackson's {@code
 * USE_BIG_DECIMAL_FOR_FLOATS}), so that each one moves six places to a per-million price without
 * passing through a binary floating point: 2.5e-06 becomes exactly 2.5.
 *
 * <p>Read: entries whose {@code mode} is {@code chat}, {@code completion}, {@code responses} or
 * {@code embedding}, or that have no {@code mode} (LiteLLM reads those as chat), and that list
 * {@code input_cost_per_token} (and {@code output_cost_per_token}, except embeddings, whose output
 * then costs 0). Skipped: the {@code sample_spec} documentation entry, other modes (images, audio,
 * rerank) and entries priced per character, second or image. Long-context prices come from the
 * {@code *_above_200k_tokens} fields, or else from the {@code *_above_128k_tokens} fields.
 */
final class LiteLlmFile {
  private static final String SAMPLE_SPEC = "sample_spec";
  private static final Set<String> TOKEN_MODES =
      Set.of("chat", "completion", "responses", "embedding");
  private static final int PER_MILLION_DIGITS = 6;

  private LiteLlmFile() {}

  /** Returns whether {@code root} looks like LiteLLM's table: entries with LiteLLM's fields. */
  static boolean matches(JsonNode root) {
    if (!root.isObject() || root.has("models")) {
      return false;
    }
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      JsonNode entry = field.getValue();
      if (entry.has("litellm_provider") || entry.has("input_cost_per_token")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the priced token models of {@code root}.
   *
   * @throws IllegalArgumentException naming {@code origin} and the key of an entry that is not an
   *     object or whose price is not a non-negative number
   */
  static List<PriceFile.Entry> read(JsonNode root, String origin) {
    List<PriceFile.Entry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      String key = field.getKey();
      if (key.equals(SAMPLE_SPEC)) {
        continue;
      }
      JsonNode node = field.getValue();
      if (!node.isObject()) {
        throw new IllegalArgumentException(
            "LiteLLM price file " + origin + " key '" + key + "' is not an object: " + node);
      }
      ModelPrice price = readEntry(key, node, origin);
      if (price != null) {
        entries.add(new PriceFile.Entry(price, List.of()));
      }
    }
    return entries;
  }

  private static ModelPrice readEntry(String key, JsonNode node, String origin) {
    String mode = node.path("mode").asText("chat");
    if (!TOKEN_MODES.contains(mode)) {
      return null;
    }
    BigDecimal input = perMillion(key, node, "input_cost_per_token", origin);
    BigDecimal output = perMillion(key, node, "output_cost_per_token", origin);
    if (input == null) {
      return null;
    }
    if (output == null) {
      if (!mode.equals("embedding")) {
        return null;
      }
      output = BigDecimal.ZERO;
    }
    BigDecimal reasoning = perMillion(key, node, "output_cost_per_reasoning_token", origin);
    if (reasoning != null && reasoning.compareTo(output) == 0) {
      reasoning = null;
    }
    return new ModelPrice(
        key,
        node.path("litellm_provider").asText(null),
        input,
        output,
        perMillion(key, node, "cache_read_input_token_cost", origin),
        perMillion(key, node, "cache_creation_input_token_cost", origin),
        perMillion(key, node, "cache_creation_input_token_cost_above_1hr", origin),
        reasoning,
        longContext(key, node, origin),
        perMillion(key, node, "input_cost_per_token_batches", origin),
        perMillion(key, node, "output_cost_per_token_batches", origin),
        null,
        "LiteLLM price file " + origin + ", key " + key);
  }

  private static LongContextPrice longContext(String key, JsonNode node, String origin) {
    for (int thousands : new int[] {200, 128}) {
      String suffix = "_above_" + thousands + "k_tokens";
      BigDecimal input = perMillion(key, node, "input_cost_per_token" + suffix, origin);
      BigDecimal output = perMillion(key, node, "output_cost_per_token" + suffix, origin);
      if (input != null && output != null) {
        return new LongContextPrice(
            thousands * 1000L,
            input,
            output,
            perMillion(key, node, "cache_read_input_token_cost" + suffix, origin),
            perMillion(key, node, "cache_creation_input_token_cost" + suffix, origin),
            perMillion(key, node, "cache_creation_input_token_cost_above_1hr" + suffix, origin));
      }
    }
    return null;
  }

  private static BigDecimal perMillion(String key, JsonNode node, String field, String origin) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || value.decimalValue().signum() < 0) {
      throw new IllegalArgumentException(
          "LiteLLM price file "
              + origin
              + " key '"
              + key
              + "' field '"
              + field
              + "' is "
              + value
              + "; expected a non-negative number of USD per token");
    }
    BigDecimal perMillion = value.decimalValue().movePointRight(PER_MILLION_DIGITS);
    try {
      ModelPrice.requireValidPrice(key, field, perMillion);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "LiteLLM price file " + origin + ": " + e.getMessage() + " (" + value + " per token)", e);
    }
    return perMillion.stripTrailingZeros();
  }
}
