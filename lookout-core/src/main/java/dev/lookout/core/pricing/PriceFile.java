package dev.lookout.core.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a price file in Lookout's format: {@code {"models": {"gpt-4o": {"provider", "input",
 * "output", "cached_input", "cache_write", "cache_write_1h", "reasoning", "batch_input",
 * "batch_output", "long_context", "aliases", "effective_date", "source"}}}}, prices in USD per
 * million tokens as decimal strings. Other fields (such as {@code note}) are ignored.
 *
 * <p>Prices must be JSON strings, not numbers, so that no value passes through a binary floating
 * point on its way to {@link BigDecimal}.
 */
final class PriceFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One entry of the file: its price and its aliases. */
  record Entry(ModelPrice price, List<String> aliases) {}

  private PriceFile() {}

  static List<Entry> read(InputStream in, String origin) throws IOException {
    return read(JSON.readTree(in), origin);
  }

  /** Reads the entries of an already parsed file. */
  static List<Entry> read(JsonNode root, String origin) {
    JsonNode models = root.path("models");
    if (!models.isObject()) {
      throw new IllegalArgumentException(
          "Price file " + origin + " has no \"models\" object: add one keyed by model name");
    }
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : models.properties()) {
      try {
        entries.add(readEntry(field.getKey(), field.getValue()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Price file " + origin + ": " + e.getMessage(), e);
      }
    }
    return entries;
  }

  private static Entry readEntry(String model, JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "Price of model '" + model + "' is " + node + "; expected an object of prices");
    }
    requireKnownFields(model, node, ENTRY_FIELDS, "");
    ModelPrice price =
        new ModelPrice(
            model,
            text(model, node, "provider"),
            decimal(model, node, "input"),
            decimal(model, node, "output"),
            decimal(model, node, "cached_input"),
            decimal(model, node, "cache_write"),
            decimal(model, node, "cache_write_1h"),
            decimal(model, node, "reasoning"),
            longContext(model, node.get("long_context")),
            decimal(model, node, "batch_input"),
            decimal(model, node, "batch_output"),
            date(model, node),
            text(model, node, "source"));
    return new Entry(price, aliases(model, node.get("aliases")));
  }

  private static LongContextPrice longContext(String model, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    requireKnownFields(model, node, LONG_CONTEXT_FIELDS, "long_context.");
    JsonNode threshold = node.path("above_input_tokens");
    if (!threshold.canConvertToLong() || threshold.asLong() <= 0) {
      throw new IllegalArgumentException(
          "Price of model '"
              + model
              + "' has an invalid long_context.above_input_tokens: "
              + threshold
              + "; expected a positive whole number of tokens");
    }
    BigDecimal input = decimal(model, node, "input");
    BigDecimal output = decimal(model, node, "output");
    ModelPrice.requirePrice(model, "long_context.input", input);
    ModelPrice.requirePrice(model, "long_context.output", output);
    return new LongContextPrice(
        threshold.asLong(),
        input,
        output,
        decimal(model, node, "cached_input"),
        decimal(model, node, "cache_write"),
        decimal(model, node, "cache_write_1h"));
  }

  /** Fields an entry may have; a misspelt price would otherwise be ignored without a word. */
  private static final Set<String> ENTRY_FIELDS =
      Set.of(
          "provider",
          "input",
          "output",
          "cached_input",
          "cache_write",
          "cache_write_1h",
          "reasoning",
          "long_context",
          "batch_input",
          "batch_output",
          "effective_date",
          "source",
          "aliases",
          "derived",
          "corrected",
          "note",
          "omitted",
          "litellm_key");

  private static final Set<String> LONG_CONTEXT_FIELDS =
      Set.of(
          "above_input_tokens", "input", "output", "cached_input", "cache_write", "cache_write_1h");

  private static void requireKnownFields(
      String model, JsonNode node, Set<String> known, String prefix) {
    for (String field : (Iterable<String>) node::fieldNames) {
      if (!known.contains(field)) {
        throw new IllegalArgumentException(
            "Price of model '"
                + model
                + "' has an unknown field '"
                + prefix
                + field
                + "'; known fields: "
                + new java.util.TreeSet<>(known));
      }
    }
  }

  private static BigDecimal decimal(String model, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw invalidField(model, field, value, "write it as a decimal string such as \"2.5\"");
    }
    BigDecimal price;
    try {
      price = new BigDecimal(value.asText());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Price of model '"
              + model
              + "' field '"
              + field
              + "' is not a decimal number: \""
              + value.asText()
              + "\"",
          e);
    }
    ModelPrice.requireValidPrice(model, field, price);
    return price;
  }

  private static LocalDate date(String model, JsonNode node) {
    String text = text(model, node, "effective_date");
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Price of model '"
              + model
              + "' has an invalid effective_date \""
              + text
              + "\"; expected YYYY-MM-DD",
          e);
    }
  }

  private static List<String> aliases(String model, JsonNode value) {
    List<String> aliases = new ArrayList<>();
    if (value == null || value.isNull()) {
      return aliases;
    }
    if (!value.isArray()) {
      throw invalidField(
          model, "aliases", value, "write it as a list of names such as [\"my-model-latest\"]");
    }
    for (JsonNode alias : value) {
      if (!alias.isTextual() || alias.asText().isBlank()) {
        throw new IllegalArgumentException(
            "Price of model '"
                + model
                + "' has an alias that is not a model name: "
                + alias
                + "; each alias must be a non-empty string");
      }
      aliases.add(alias.asText());
    }
    return aliases;
  }

  private static String text(String model, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw invalidField(model, field, value, "write it as a string such as \"openai\"");
    }
    return value.asText();
  }

  private static IllegalArgumentException invalidField(
      String model, String field, JsonNode value, String fix) {
    return new IllegalArgumentException(
        "Price of model '" + model + "' field '" + field + "' is " + value + "; " + fix);
  }
}
