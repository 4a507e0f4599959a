package dev.lookout.cli.prices;

import dev.lookout.core.pricing.LongContextPrice;
import dev.lookout.core.pricing.ModelPrice;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one price entry as the CLI prints them: snake_case names, prices in USD per million
 * tokens as decimal strings and null where the entry lists no price.
 */
final class PriceFields {
  private PriceFields() {}

  /** Returns the fields of {@code price}, in display order. */
  static Map<String, Object> of(ModelPrice price, List<String> aliases) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("model", price.model());
    fields.put("provider", price.provider());
    fields.put("input", plain(price.input()));
    fields.put("output", plain(price.output()));
    fields.put("cached_input", plain(price.cachedInput()));
    fields.put("cache_write", plain(price.cacheWrite()));
    fields.put("cache_write_1h", plain(price.cacheWriteOneHour()));
    fields.put("reasoning", plain(price.reasoning()));
    fields.put("batch_input", plain(price.batchInput()));
    fields.put("batch_output", plain(price.batchOutput()));
    fields.put("long_context", longContext(price.longContext()));
    fields.put("aliases", aliases);
    fields.put(
        "effective_date", price.effectiveDate() == null ? null : price.effectiveDate().toString());
    fields.put("source", price.source());
    return fields;
  }

  private static Map<String, Object> longContext(LongContextPrice tier) {
    if (tier == null) {
      return null;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("above_input_tokens", tier.aboveInputTokens());
    fields.put("input", plain(tier.input()));
    fields.put("output", plain(tier.output()));
    fields.put("cached_input", plain(tier.cachedInput()));
    fields.put("cache_write", plain(tier.cacheWrite()));
    fields.put("cache_write_1h", plain(tier.cacheWriteOneHour()));
    return fields;
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
