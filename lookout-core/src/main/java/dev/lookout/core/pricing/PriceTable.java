package dev.lookout.core.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.core.usage.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices per model, and the exact cost of a call from its token usage.
 *
 * <p>The built-in table ({@code dev/lookout/core/pricing/prices.json}) lists the list prices of
 * OpenAI, Anthropic, Google Gemini, Mistral, DeepSeek, xAI and Cohere models and of open models
 * hosted on Groq, Together AI, Fireworks AI, Amazon Bedrock and Azure OpenAI, taken from LiteLLM's
 * price table of 2026-02-20. A model name resolves, case-insensitively, in this order:
 *
 * <ol>
 *   <li>a configured alias ({@link #withAliases}), such as an Azure deployment name, is replaced by
 *       its target;
 *   <li>the name itself or one of an entry's aliases;
 *   <li>the name without a first-party prefix ({@code openai/}, {@code anthropic/}, {@code
 *       gemini/}, {@code mistral/}, ...), and Bedrock ids with and without {@code bedrock/} and
 *       without a geographic profile prefix ({@code us.}, {@code eu.}, {@code apac.});
 *   <li>for a fine-tuned model {@code ft:BASE:org::id}: the fine-tuning price {@code ft:BASE}, or
 *       that of BASE without its date; a fine-tuned model whose fine-tuning price is not listed is
 *       unpriced, because OpenAI bills fine-tuned models above their base;
 *   <li>for a dated snapshot ({@code gpt-4o-2024-08-06}, {@code claude-haiku-4-5-20251001}) that is
 *       not listed: the name without the date.
 * </ol>
 *
 * <p>For example {@code find("anthropic/claude-sonnet-4-5-20250929")} returns the {@code
 * claude-sonnet-4-5} entry, and {@code find("gpt-5.6-sol")} returns empty.
 *
 * <p>Immutable and thread-safe.
 */
public final class PriceTable {
  private static final Logger LOG = LoggerFactory.getLogger(PriceTable.class);
  private static final String BUILT_IN = "/dev/lookout/core/pricing/prices.json";
  // Duplicate keys are rejected: with the last one winning, a pasted second entry would silently
  // replace the first.
  private static final ObjectMapper EXACT_JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** Entries by lower-case model name, in file order. */
  private final Map<String, PriceFile.Entry> entries;

  /** Prices by lower-case model name and alias. */
  private final Map<String, ModelPrice> byName;

  /** Configured aliases, lower-case name to target name. */
  private final Map<String, String> aliases;

  private PriceTable(Map<String, PriceFile.Entry> entries, Map<String, String> aliases) {
    this.entries = entries;
    this.aliases = Map.copyOf(aliases);
    Map<String, ModelPrice> names = new HashMap<>();
    for (PriceFile.Entry entry : entries.values()) {
      for (String alias : entry.aliases()) {
        names.put(ModelNames.normalize(alias), entry.price());
      }
    }
    for (Map.Entry<String, PriceFile.Entry> entry : entries.entrySet()) {
      names.put(entry.getKey(), entry.getValue().price());
    }
    this.byName = Map.copyOf(names);
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
    return strict(PriceFile.read(in, origin), origin);
  }

  /**
   * Reads a price table file in Lookout's format ({@code {"models": {...}}}, as the built-in one)
   * or in LiteLLM's {@code model_prices_and_context_window.json} format, telling them apart by
   * their content. A LiteLLM file keeps only its token-priced text models, and when two of its keys
   * differ only in case the first one is kept.
   *
   * @throws IllegalArgumentException naming the file, and the key where there is one, when the file
   *     is not valid JSON, is in neither format or has an invalid entry
   * @throws IOException when the file cannot be read
   */
  public static PriceTable load(Path file) throws IOException {
    String origin = file.toString();
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = EXACT_JSON.readTree(in);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new IllegalArgumentException(
          "Price file " + origin + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException(
          "Price file "
              + origin
              + " is empty; write a {\"models\": {...}} object or a LiteLLM table");
    }
    PriceTable table;
    if (root != null && root.path("models").isObject()) {
      table = strict(PriceFile.read(root, origin), origin);
    } else if (root != null && LiteLlmFile.matches(root)) {
      table = lenient(LiteLlmFile.read(root, origin), origin);
    } else {
      throw new IllegalArgumentException(
          "Price file "
              + origin
              + " is in neither Lookout's format (a \"models\" object) nor LiteLLM's"
              + " (entries with \"input_cost_per_token\")");
    }
    LOG.debug("Loaded {} model prices from {}", table.entries.size(), origin);
    return table;
  }

  /**
   * Returns a table with this table's entries and those of {@code base} that this one does not
   * list: an entry here replaces the {@code base} entry of the same name, keeping that entry's
   * aliases. An alias here that names a {@code base} entry takes that name over, so a price file
   * can point {@code gpt-4o} at its own entry. Aliases configured on either table carry over, this
   * table's winning.
   */
  public PriceTable mergedOver(PriceTable base) {
    Map<String, PriceFile.Entry> merged = new LinkedHashMap<>(base.entries);
    Map<String, String> mergedAliases = new HashMap<>(base.aliases);
    for (Map.Entry<String, PriceFile.Entry> entry : entries.entrySet()) {
      PriceFile.Entry replaced = merged.get(entry.getKey());
      List<String> names = new ArrayList<>(entry.getValue().aliases());
      if (replaced != null) {
        names.addAll(replaced.aliases());
      }
      merged.put(entry.getKey(), new PriceFile.Entry(entry.getValue().price(), names));
      for (String alias : entry.getValue().aliases()) {
        String name = ModelNames.normalize(alias);
        if (base.entries.containsKey(name) && !entries.containsKey(name)) {
          LOG.info(
              "Price file alias '{}' of '{}' replaces the built-in entry of that name",
              alias,
              entry.getValue().price().model());
          mergedAliases.put(name, entry.getKey());
        }
      }
    }
    mergedAliases.putAll(aliases);
    return new PriceTable(merged, mergedAliases);
  }

  /**
   * Returns a table that also resolves each key of {@code modelAliases} as its value, for names
   * that exist only in one deployment: {@code {"prod-chat": "azure/gpt-4o"}}. A configured alias
   * wins over an entry of the same name.
   *
   * @throws IllegalArgumentException when a target does not resolve to an entry of this table
   */
  public PriceTable withAliases(Map<String, String> modelAliases) {
    Map<String, String> combined = new HashMap<>(aliases);
    for (Map.Entry<String, String> alias : modelAliases.entrySet()) {
      String target = ModelNames.normalize(alias.getValue());
      if (resolveName(target).isEmpty()) {
        throw new IllegalArgumentException(
            "Model alias '"
                + alias.getKey()
                + "' points to '"
                + alias.getValue()
                + "', which has no price in the table; point it at a listed model such as"
                + " 'azure/gpt-4o'");
      }
      combined.put(ModelNames.normalize(alias.getKey()), target);
    }
    return new PriceTable(entries, combined);
  }

  /** Finds the price of {@code model}, resolving aliases, prefixes and dated snapshots. */
  public Optional<ModelPrice> find(String model) {
    String name = ModelNames.normalize(model);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String target = aliases.get(name);
    int slash = name.indexOf('/');
    if (target == null && slash > 0) {
      // A router may put the provider before a deployment name: azure/prod-chat.
      target = aliases.get(name.substring(slash + 1));
    }
    return resolveName(target != null ? target : name);
  }

  /**
   * Returns the name of the entry {@code model} resolves to, for display: {@code
   * "claude-sonnet-4-5"} for {@code "anthropic/claude-sonnet-4-5-20250929"}.
   */
  public Optional<String> resolvedName(String model) {
    return find(model).map(ModelPrice::model);
  }

  /** Returns the exact cost of {@code usage} on {@code model}, or empty when it has no price. */
  public Optional<BigDecimal> cost(String model, TokenUsage usage) {
    return cost(model, usage, false);
  }

  /**
   * Returns the exact cost of {@code usage} on {@code model}, at batch prices when {@code batch} is
   * set, or empty when unpriced ({@link #quote} returns the reason).
   */
  public Optional<BigDecimal> cost(String model, TokenUsage usage, boolean batch) {
    return Optional.ofNullable(quote(model, usage, batch).costUsd());
  }

  /** Prices {@code usage} on {@code model} and returns the resolved entry and cost or reason. */
  public PriceQuote quote(String model, TokenUsage usage, boolean batch) {
    Optional<ModelPrice> price = find(model);
    if (price.isEmpty()) {
      return new PriceQuote(model, null, null, "no price is listed for model '" + model + "'");
    }
    Optional<String> reason = price.get().unpricedReason(usage, batch);
    if (reason.isPresent()) {
      return new PriceQuote(model, price.get(), null, reason.get());
    }
    return new PriceQuote(model, price.get(), price.get().cost(usage, batch).orElseThrow(), null);
  }

  /** Returns every entry, in the order of the files it was read from. */
  public List<ModelPrice> models() {
    List<ModelPrice> prices = new ArrayList<>(entries.size());
    for (PriceFile.Entry entry : entries.values()) {
      prices.add(entry.price());
    }
    return prices;
  }

  /** Returns the aliases listed for the entry named {@code model}, empty when none. */
  public List<String> aliasesOf(String model) {
    PriceFile.Entry entry = entries.get(ModelNames.normalize(model));
    return entry == null ? List.of() : List.copyOf(entry.aliases());
  }

  /** Returns the number of names the table resolves exactly, entries and aliases together. */
  public int size() {
    return byName.size();
  }

  private Optional<ModelPrice> resolveName(String name) {
    List<String> candidates = ModelNames.candidates(name);
    // Every listed name before any fallback, so that a listed snapshot behind a prefix
    // (azure/gpt-4o-2024-05-13 as gpt-4o-2024-05-13) beats the undated prefixed entry.
    for (String candidate : candidates) {
      ModelPrice exact = byName.get(candidate);
      if (exact != null) {
        return Optional.of(exact);
      }
    }
    for (String candidate : candidates) {
      ModelPrice price = fallback(candidate);
      if (price != null) {
        return Optional.of(price);
      }
    }
    return Optional.empty();
  }

  /** Returns the price of a fine-tuned model's base or of a snapshot's undated name, or null. */
  private ModelPrice fallback(String name) {
    if (ModelNames.isFineTuned(name)) {
      String fineTuned = ModelNames.fineTunedPriceName(name);
      if (fineTuned == null) {
        return null;
      }
      return withoutDate(fineTuned);
    }
    String undated = ModelNames.undated(name);
    return undated == null ? null : byName.get(undated);
  }

  private ModelPrice withoutDate(String name) {
    ModelPrice exact = byName.get(name);
    if (exact != null) {
      return exact;
    }
    String undated = ModelNames.undated(name);
    return undated == null ? null : byName.get(undated);
  }

  private static PriceTable strict(List<PriceFile.Entry> read, String origin) {
    Map<String, PriceFile.Entry> entries = new LinkedHashMap<>();
    Map<String, String> claimed = new HashMap<>();
    for (PriceFile.Entry entry : read) {
      String model = entry.price().model();
      claim(claimed, model, model, origin);
      for (String alias : entry.aliases()) {
        claim(claimed, alias, model, origin);
      }
      entries.put(ModelNames.normalize(model), entry);
    }
    return new PriceTable(entries, Map.of());
  }

  private static PriceTable lenient(List<PriceFile.Entry> read, String origin) {
    Map<String, PriceFile.Entry> entries = new LinkedHashMap<>();
    int skipped = 0;
    for (PriceFile.Entry entry : read) {
      if (entries.putIfAbsent(ModelNames.normalize(entry.price().model()), entry) != null) {
        skipped++;
      }
    }
    if (skipped > 0) {
      LOG.debug("Kept the first of {} keys that differ only in case in {}", skipped, origin);
    }
    return new PriceTable(entries, Map.of());
  }

  private static void claim(Map<String, String> claimed, String name, String model, String origin) {
    String previous = claimed.putIfAbsent(ModelNames.normalize(name), model);
    if (previous != null) {
      throw new IllegalArgumentException(
          "Price file "
              + origin
              + " lists the name '"
              + name
              + "' twice (entries '"
              + previous
              + "' and '"
              + model
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
