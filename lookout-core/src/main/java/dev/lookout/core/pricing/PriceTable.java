package dev.lookout.core.pricing;

import dev.lookout.core.usage.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prices per model, and the exact cost of a call from its token usage.
 *
 * <p>The built-in table ({@code dev/lookout/core/pricing/prices.json}) lists the list prices of
 * OpenAI and Anthropic text and embedding models, taken from LiteLLM's price table of 2026-02-20. A
 * model name resolves, case-insensitively, in this order:
 *
 * <ol>
 *   <li>the name itself or one of an entry's aliases, after removing an {@code openai/} or {@code
 *       anthropic/} prefix;
 *   <li>for a fine-tuned model {@code ft:BASE:org::id}: the fine-tuning price {@code ft:BASE} when
 *       listed, otherwise BASE resolved by these rules;
 *   <li>for a dated snapshot ({@code gpt-4o-2024-08-06}, {@code claude-haiku-4-5-20251001}) that is
 *       not listed: the name without the date.
 * </ol>
 *
 * <p>For example {@code find("anthropic/claude-sonnet-4-5-20250929")} returns the {@code
 * claude-sonnet-4-5} entry, and {@code find("gpt-5.6-sol")} returns empty. NOTE: a fine-tuned model
 * whose fine-tuning price is not listed gets its base model's price, which is lower than what
 * OpenAI bills for fine-tuned models.
 *
 * <p>Immutable and thread-safe.
 */
public final class PriceTable {
  private static final String BUILT_IN = "/dev/lookout/core/pricing/prices.json";
  private static final List<String> PROVIDER_PREFIXES = List.of("openai/", "anthropic/");
  private static final String FINE_TUNED = "ft:";

  /** A date suffix: {@code -2024-08-06} (OpenAI) or {@code -20241022} (Anthropic). */
  private static final Pattern DATED = Pattern.compile("^(.+)-(\\d{4}-\\d{2}-\\d{2}|\\d{8})$");

  private final Map<String, ModelPrice> byName;

  private PriceTable(Map<String, ModelPrice> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** Returns the table bundled in the jar. */
  public static PriceTable builtIn() {
    return BuiltIn.TABLE;
  }

  /**
   * Reads a price table in the format of the built-in one.
   *
   * @param origin a name for {@code in} (a path or URL) used in error messages
   * @throws IllegalArgumentException when an entry is invalid or two entries claim one name
   */
  public static PriceTable read(InputStream in, String origin) throws IOException {
    Map<String, ModelPrice> byName = new HashMap<>();
    for (PriceFile.Entry entry : PriceFile.read(in, origin)) {
      put(byName, entry.price().model(), entry.price(), origin);
      for (String alias : entry.aliases()) {
        put(byName, alias, entry.price(), origin);
      }
    }
    return new PriceTable(byName);
  }

  /** Finds the price of {@code model}, resolving dated snapshots and provider prefixes. */
  public Optional<ModelPrice> find(String model) {
    if (model == null || model.isBlank()) {
      return Optional.empty();
    }
    String name = model.strip().toLowerCase(Locale.ROOT);
    for (String prefix : PROVIDER_PREFIXES) {
      if (name.startsWith(prefix)) {
        name = name.substring(prefix.length());
        break;
      }
    }
    if (name.startsWith(FINE_TUNED)) {
      return findFineTuned(name);
    }
    return findPlain(name);
  }

  /** Returns the exact cost of {@code usage} on {@code model}, or empty when it has no price. */
  public Optional<BigDecimal> cost(String model, TokenUsage usage) {
    return find(model).map(price -> price.cost(usage));
  }

  /** Returns the number of names the table resolves exactly, entries and aliases together. */
  public int size() {
    return byName.size();
  }

  private Optional<ModelPrice> findFineTuned(String name) {
    ModelPrice exact = byName.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    String[] parts = name.split(":", -1);
    if (parts.length < 2 || parts[1].isEmpty()) {
      return Optional.empty();
    }
    String base = parts[1];
    ModelPrice fineTuned = byName.get(FINE_TUNED + base);
    if (fineTuned != null) {
      return Optional.of(fineTuned);
    }
    return findPlain(base);
  }

  private Optional<ModelPrice> findPlain(String name) {
    ModelPrice exact = byName.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    Matcher dated = DATED.matcher(name);
    if (dated.matches()) {
      return Optional.ofNullable(byName.get(dated.group(1)));
    }
    return Optional.empty();
  }

  private static void put(
      Map<String, ModelPrice> byName, String name, ModelPrice price, String origin) {
    String key = name.toLowerCase(Locale.ROOT);
    ModelPrice previous = byName.putIfAbsent(key, price);
    if (previous != null) {
      throw new IllegalArgumentException(
          "Price file "
              + origin
              + " lists the name '"
              + name
              + "' twice (entries '"
              + previous.model()
              + "' and '"
              + price.model()
              + "'); keep it on one entry");
    }
  }

  /** Holder that loads the built-in table on first use. */
  private static final class BuiltIn {
    static final PriceTable TABLE = load();

    private static PriceTable load() {
      try (InputStream in = PriceTable.class.getResourceAsStream(BUILT_IN)) {
        if (in == null) {
          throw new IllegalStateException(
              "Built-in price table " + BUILT_IN + " is missing from the classpath");
        }
        return read(in, BUILT_IN);
      } catch (IOException e) {
        throw new UncheckedIOException("Failed to read built-in price table " + BUILT_IN, e);
      }
    }
  }
}
