package dev.lookout.core.pricing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names under which a requested model may be listed in a price table, most specific first.
 *
 * <p>A request names its model as the provider does ({@code gpt-4o}, {@code
 * claude-sonnet-4-5-20250929}), sometimes behind a router prefix ({@code openai/gpt-4o}) or as an
 * Amazon Bedrock inference profile ({@code us.anthropic.claude-sonnet-4-5-20250929-v1:0}). Price
 * tables list first-party models without a prefix and hosted models with one ({@code
 * groq/llama-3.3-70b-versatile}, {@code bedrock/anthropic.claude-...}, {@code azure/gpt-4o}).
 */
final class ModelNames {
  /** Prefixes of providers whose own models the table lists without the prefix. */
  private static final List<String> FIRST_PARTY_PREFIXES =
      List.of(
          "openai/",
          "anthropic/",
          "gemini/",
          "google/",
          "mistral/",
          "deepseek/",
          "xai/",
          "cohere/",
          "cohere_chat/");

  private static final String BEDROCK = "bedrock/";
  private static final String AZURE = "azure/";
  private static final String FINE_TUNED = "ft:";

  /**
   * A Bedrock cross-region inference profile: a geography ({@code us.}, {@code eu.}, {@code apac.},
   * ...) before a {@code vendor.model} id.
   */
  private static final Pattern BEDROCK_PROFILE =
      Pattern.compile("^(?:us|eu|apac|global|jp|au|ca|us-gov)\\.([a-z0-9-]+\\..+)$");

  /** A Bedrock model id: {@code vendor.model}, such as {@code anthropic.claude-...}. */
  private static final Pattern BEDROCK_MODEL =
      Pattern.compile("^(?:anthropic|meta|amazon|mistral|cohere|ai21|deepseek|openai|qwen)\\..+");

  /**
   * A date suffix: {@code -2024-08-06} (OpenAI), {@code -20241022} (Anthropic) or {@code @20250929}
   * (Vertex AI).
   */
  private static final Pattern DATED = Pattern.compile("^(.+)[-@](\\d{4}-\\d{2}-\\d{2}|\\d{8})$");

  private ModelNames() {}

  /** Returns {@code model} trimmed and in lower case, the form every table key has. */
  static String normalize(String model) {
    return model == null ? "" : model.strip().toLowerCase(Locale.ROOT);
  }

  /** Returns the names to look up for a normalized {@code name}, before any date fallback. */
  static List<String> candidates(String name) {
    Set<String> names = new LinkedHashSet<>();
    names.add(name);
    for (String prefix : FIRST_PARTY_PREFIXES) {
      if (name.startsWith(prefix)) {
        names.add(name.substring(prefix.length()));
      }
    }
    if (name.startsWith(AZURE)) {
      // An Azure snapshot the table lacks takes OpenAI's price for that snapshot before the
      // undated Azure entry. LiteLLM's table of 2026-02-20 lists 72 of 81 Azure models at
      // OpenAI's price, while two snapshots of one model can differ 2x (gpt-4o).
      names.add(name.substring(AZURE.length()));
    }
    if (name.startsWith("together/")) {
      names.add("together_ai/" + name.substring("together/".length()));
    }
    if (name.startsWith("fireworks/")) {
      names.add("fireworks_ai/" + name.substring("fireworks/".length()));
    }
    if (name.startsWith("accounts/fireworks/models/")) {
      names.add("fireworks_ai/" + name);
    }
    addBedrock(name, names);
    return new ArrayList<>(names);
  }

  private static void addBedrock(String name, Set<String> names) {
    String id = name.startsWith(BEDROCK) ? name.substring(BEDROCK.length()) : name;
    Matcher profile = BEDROCK_PROFILE.matcher(id);
    if (profile.matches()) {
      // A profile's own price first: AWS bills some geographic profiles above the base model.
      names.add(BEDROCK + id);
      names.add(id);
      names.add(BEDROCK + profile.group(1));
      names.add(profile.group(1));
    } else if (BEDROCK_MODEL.matcher(id).matches()) {
      names.add(BEDROCK + id);
      names.add(id);
    }
  }

  /** Returns whether {@code name} is an OpenAI fine-tuned model ({@code ft:BASE:org::id}). */
  static boolean isFineTuned(String name) {
    return name.startsWith(FINE_TUNED);
  }

  /**
   * Returns the name of the fine-tuning price of {@code ft:BASE:org:suffix:id}, which is {@code
   * ft:BASE}, or null when the name has no base.
   */
  static String fineTunedPriceName(String name) {
    String[] parts = name.split(":", -1);
    if (parts.length < 2 || parts[1].isEmpty()) {
      return null;
    }
    return FINE_TUNED + parts[1];
  }

  /** Returns {@code name} without its date suffix, or null when it has none. */
  static String undated(String name) {
    Matcher dated = DATED.matcher(name);
    return dated.matches() ? dated.group(1) : null;
  }
}
