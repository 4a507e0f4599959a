package dev.lookout.core.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the provider's usage from a response body and normalises it to a {@link TokenUsage} with
 * source {@link UsageSource#PROVIDER}. A count the provider leaves out or sends as null becomes 0.
 *
 * <p>Shapes read:
 *
 * <ul>
 *   <li>OpenAI Chat Completions and legacy Completions, and the many vendors that copy them: {@code
 *       prompt_tokens}, {@code completion_tokens}, {@code prompt_tokens_details.cached_tokens},
 *       {@code prompt_tokens_details.cache_write_tokens} (OpenRouter), {@code
 *       completion_tokens_details.reasoning_tokens}. DeepSeek's {@code prompt_cache_hit_tokens}
 *       counts as the cached part when {@code cached_tokens} is absent. Extra fields (OpenRouter's
 *       {@code cost}, {@code is_byok}, {@code cost_details}; Groq's timings) are ignored.
 *   <li>OpenAI Embeddings: {@code prompt_tokens} only, so output is 0.
 *   <li>OpenAI Responses API: {@code input_tokens} (cached included), {@code output_tokens}
 *       (reasoning included), {@code input_tokens_details.cached_tokens}, {@code
 *       output_tokens_details.reasoning_tokens}.
 *   <li>Anthropic Messages: its {@code input_tokens} excludes the cache, so input is {@code
 *       input_tokens + cache_creation_input_tokens + cache_read_input_tokens}; cache writes are
 *       {@code cache_creation_input_tokens}, of which {@code
 *       cache_creation.ephemeral_1h_input_tokens} have the 1-hour lifetime, and cache reads are
 *       {@code cache_read_input_tokens}. Thinking tokens are inside {@code output_tokens} and are
 *       not reported apart, so reasoning is 0.
 *   <li>Gemini's native {@code usageMetadata}: {@code promptTokenCount} (cached included) plus
 *       {@code toolUsePromptTokenCount}, {@code cachedContentTokenCount}, and output {@code
 *       candidatesTokenCount + thoughtsTokenCount}, the thoughts being the reasoning part.
 * </ul>
 *
 * <p>Gemini bills thinking tokens at the output price. Its OpenAI-compatible endpoint leaves them
 * out of {@code completion_tokens} and counts them only in {@code total_tokens} (for example 35
 * prompt and 12 completion tokens with a total of 109). So when {@code total_tokens} is larger than
 * {@code prompt_tokens + completion_tokens} and no reasoning count is reported, the excess is read
 * as thinking tokens: output 12 + 62 = 74, of which 62 reasoning.
 *
 * <p>Counts sent as text digits ({@code "5"}) or as whole floats ({@code 5.0}) read as numbers. A
 * usage with a count that cannot be a token count (negative, fractional, not a number, or above
 * {@link #MAX_TOKENS}) is not used at all: the reader returns empty, so the caller estimates the
 * call's tokens and marks them estimated, rather than pricing a made-up number.
 *
 * <p>For example, {@code {"usage": {"prompt_tokens": 4020, "completion_tokens": 4,
 * "prompt_tokens_details": {"cached_tokens": 4012}}}} reads as input 4020 (of which 4012 cached)
 * and output 4.
 */
public final class UsageReader {
  private static final Logger LOG = LoggerFactory.getLogger(UsageReader.class);

  /**
   * Most tokens one count may report: ten times the largest context window offered (10 million
   * tokens). A count above it is a broken upstream, and pricing it would charge budgets for money
   * never spent.
   */
  public static final long MAX_TOKENS = 100_000_000L;

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
  private static final AtomicLong REJECTED = new AtomicLong();

  private UsageReader() {}

  /** A count no provider could have meant; the usage holding it is not used. */
  private static final class ImplausibleCount extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ImplausibleCount(String field, JsonNode value) {
      this(field + " = " + abbreviate(value.toString()));
    }

    ImplausibleCount(String problem) {
      super(problem, null, false, false);
    }

    private static String abbreviate(String text) {
      return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
  }

  private static Optional<TokenUsage> guarded(Supplier<Optional<TokenUsage>> reader) {
    try {
      return reader.get();
    } catch (ImplausibleCount e) {
      long rejected = REJECTED.incrementAndGet();
      // One line for the first rejection and every 1,000th after it, so a broken upstream cannot
      // flood the log.
      if (rejected == 1 || rejected % 1000 == 0) {
        LOG.warn(
            "Ignored provider usage with an impossible or missing token count ({}); the call's"
                + " tokens are estimated instead. {} usage objects ignored so far (this line repeats"
                + " every 1,000th). Check the upstream's usage fields.",
            e.getMessage(),
            rejected);
      }
      return Optional.empty();
    }
  }

  /** Returns the usage in {@code body}, or empty when the body carries none. */
  public static Optional<TokenUsage> fromResponse(JsonNode body) {
    return guarded(() -> readResponse(body));
  }

  private static Optional<TokenUsage> readResponse(JsonNode body) {
    if (body == null || !body.isObject()) {
      return Optional.empty();
    }
    JsonNode usage = body.get("usage");
    if (usage == null || !usage.isObject()) {
      return readGeminiUsage(body.get("usageMetadata"));
    }
    if ("message".equals(body.path("type").asText())) {
      return readAnthropicUsage(usage);
    }
    if ("response".equals(body.path("object").asText())) {
      return readResponsesUsage(usage);
    }
    if (usage.has("prompt_tokens") || usage.has("completion_tokens")) {
      return readChatUsage(usage, body.path("model").asText(null));
    }
    return readUsage(usage);
  }

  /**
   * Returns the usage of one line of an OpenAI Batch API output file ({@code {"custom_id",
   * "response": {"status_code", "body"}, "error"}}), or empty when the line has no response body or
   * its body carries no usage.
   */
  public static Optional<TokenUsage> fromBatchLine(JsonNode line) {
    if (line == null) {
      return Optional.empty();
    }
    return fromResponse(line.path("response").path("body"));
  }

  /**
   * Returns the usage a bare {@code usage} object contains, telling the shape from its fields:
   * {@code prompt_tokens} for Chat Completions, Completions and Embeddings; {@code input_tokens}
   * with {@code *_tokens_details} for the Responses API; {@code input_tokens} otherwise for
   * Anthropic; {@code promptTokenCount} for Gemini. Empty when the object contains no token count
   * or an impossible one.
   */
  public static Optional<TokenUsage> fromUsage(JsonNode usage) {
    return guarded(() -> readUsage(usage));
  }

  /**
   * Reads a Chat Completions, Completions or Embeddings {@code usage} object of a response from
   * {@code model} (null when unknown), which decides whether a {@code total_tokens} above prompt
   * plus completion means thinking tokens.
   */
  static Optional<TokenUsage> fromChatUsage(JsonNode usage, String model) {
    return guarded(() -> readChatUsage(usage, model));
  }

  /**
   * Returns whether {@code usage} contains a token count, so that an empty read of it means its
   * counts were rejected rather than absent.
   */
  static boolean hasCounts(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return false;
    }
    for (String field : COUNT_FIELDS) {
      if (hasCount(usage, field)) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.List<String> COUNT_FIELDS =
      java.util.List.of(
          "prompt_tokens",
          "completion_tokens",
          "total_tokens",
          "input_tokens",
          "output_tokens",
          "cache_read_input_tokens",
          "cache_creation_input_tokens",
          "prompt_cache_hit_tokens",
          "promptTokenCount",
          "candidatesTokenCount");

  /** Reads a Responses API {@code usage} object. */
  static Optional<TokenUsage> fromResponsesUsage(JsonNode usage) {
    return guarded(() -> readResponsesUsage(usage));
  }

  /** Reads an Anthropic Messages {@code usage} object. */
  static Optional<TokenUsage> fromAnthropicUsage(JsonNode usage) {
    return guarded(() -> readAnthropicUsage(usage));
  }

  /** Reads a Gemini {@code usageMetadata} object. */
  static Optional<TokenUsage> fromGeminiUsage(JsonNode usage) {
    return guarded(() -> readGeminiUsage(usage));
  }

  /**
   * Returns the usage a bare {@code usage} object contains, telling the shape from its fields:
   * {@code prompt_tokens} for Chat Completions, Completions and Embeddings; {@code input_tokens}
   * with {@code *_tokens_details} for the Responses API; {@code input_tokens} otherwise for
   * Anthropic; {@code promptTokenCount} for Gemini. Empty when the object contains no token count.
   */
  private static Optional<TokenUsage> readUsage(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return Optional.empty();
    }
    if (usage.has("prompt_tokens") || usage.has("completion_tokens")) {
      return readChatUsage(usage, null);
    }
    if (usage.has("input_tokens_details") || usage.has("output_tokens_details")) {
      return readResponsesUsage(usage);
    }
    if (usage.has("input_tokens") || usage.has("output_tokens")) {
      return readAnthropicUsage(usage);
    }
    return readGeminiUsage(usage);
  }

  /** Reads a Chat Completions, Completions or Embeddings {@code usage} object. */
  private static Optional<TokenUsage> readChatUsage(JsonNode usage, String model) {
    boolean deepSeekCache = hasCount(usage, "prompt_cache_hit_tokens");
    if (!hasCount(usage, "prompt_tokens")
        && !hasCount(usage, "completion_tokens")
        && !deepSeekCache) {
      return Optional.empty();
    }
    if (!hasCount(usage, "prompt_tokens") && !deepSeekCache) {
      // Every call has a prompt: a completion count without one is an incomplete usage.
      throw new ImplausibleCount("prompt_tokens missing beside completion_tokens");
    }
    JsonNode promptDetails = usage.path("prompt_tokens_details");
    long prompt =
        hasCount(usage, "prompt_tokens")
            ? count(usage, "prompt_tokens")
            : count(usage, "prompt_cache_hit_tokens") + count(usage, "prompt_cache_miss_tokens");
    long cached =
        hasCount(promptDetails, "cached_tokens")
            ? count(promptDetails, "cached_tokens")
            : count(usage, "prompt_cache_hit_tokens");
    long completion = count(usage, "completion_tokens");
    JsonNode completionDetails = usage.path("completion_tokens_details");
    long reasoning;
    if (hasCount(completionDetails, "reasoning_tokens")) {
      reasoning = count(completionDetails, "reasoning_tokens");
      // Grok models report reasoning_tokens apart from completion_tokens (Google's Vertex AI page
      // on Grok reasoning: 50 completion and 124 reasoning tokens), and their total_tokens adds
      // both. OpenAI's total adds the completion alone, its reasoning being a part of it.
      if (reasoning > 0 && count(usage, "total_tokens") == prompt + completion + reasoning) {
        completion += reasoning;
      }
    } else if (hasCount(usage, "completion_tokens") && isGemini(model)) {
      // Gemini's OpenAI-compatible endpoint counts thinking tokens only in total_tokens. Other
      // providers' totals add prompt and completion, so a gap there is not read as output.
      reasoning = Math.max(0, count(usage, "total_tokens") - prompt - completion);
      completion += reasoning;
    } else {
      reasoning = 0;
    }
    return Optional.of(
        new TokenUsage(
            prompt,
            completion,
            Math.min(cached, prompt),
            Math.min(count(promptDetails, "cache_write_tokens"), prompt - Math.min(cached, prompt)),
            Math.min(reasoning, completion),
            UsageSource.PROVIDER));
  }

  /** Reads a Responses API {@code usage} object. */
  private static Optional<TokenUsage> readResponsesUsage(JsonNode usage) {
    if (!hasCount(usage, "input_tokens") && !hasCount(usage, "output_tokens")) {
      return Optional.empty();
    }
    long input = count(usage, "input_tokens");
    long output = count(usage, "output_tokens");
    // Parts are capped at their totals, so an inconsistent count cannot bill more than the whole.
    return Optional.of(
        new TokenUsage(
            input,
            output,
            Math.min(count(usage.path("input_tokens_details"), "cached_tokens"), input),
            0,
            Math.min(count(usage.path("output_tokens_details"), "reasoning_tokens"), output),
            UsageSource.PROVIDER));
  }

  private static boolean isGemini(String model) {
    return model != null && model.toLowerCase(java.util.Locale.ROOT).contains("gemini");
  }

  /** Reads an Anthropic Messages {@code usage} object. */
  private static Optional<TokenUsage> readAnthropicUsage(JsonNode usage) {
    if (!hasCount(usage, "input_tokens") && !hasCount(usage, "output_tokens")) {
      return Optional.empty();
    }
    if (!hasCount(usage, "input_tokens")) {
      // message_start carries the input count; without it the usage is incomplete.
      throw new ImplausibleCount("input_tokens missing beside output_tokens");
    }
    JsonNode creation = usage.path("cache_creation");
    long oneHour = count(creation, "ephemeral_1h_input_tokens");
    long cacheWrite =
        hasCount(usage, "cache_creation_input_tokens")
            ? count(usage, "cache_creation_input_tokens")
            : count(creation, "ephemeral_5m_input_tokens") + oneHour;
    long cacheRead = count(usage, "cache_read_input_tokens");
    return Optional.of(
        new TokenUsage(
            count(usage, "input_tokens") + cacheWrite + cacheRead,
            count(usage, "output_tokens"),
            cacheRead,
            cacheWrite,
            0,
            Math.min(oneHour, cacheWrite),
            UsageSource.PROVIDER));
  }

  /** Reads a Gemini {@code usageMetadata} object. */
  private static Optional<TokenUsage> readGeminiUsage(JsonNode usage) {
    if (usage == null
        || !usage.isObject()
        || !hasCount(usage, "promptTokenCount") && !hasCount(usage, "candidatesTokenCount")) {
      return Optional.empty();
    }
    long input = count(usage, "promptTokenCount") + count(usage, "toolUsePromptTokenCount");
    long thoughts = count(usage, "thoughtsTokenCount");
    return Optional.of(
        new TokenUsage(
            input,
            count(usage, "candidatesTokenCount") + thoughts,
            Math.min(count(usage, "cachedContentTokenCount"), input),
            0,
            thoughts,
            UsageSource.PROVIDER));
  }

  private static boolean hasCount(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull() && !value.isMissingNode();
  }

  /** Returns the count in {@code field}; absent or null reads as 0. */
  private static long count(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return 0;
    }
    return tokens(field, value);
  }

  private static long tokens(String field, JsonNode value) {
    if (value.isTextual()) {
      String text = value.asText().strip();
      if (!DIGITS.matcher(text).matches() || Long.parseLong(text) > MAX_TOKENS) {
        throw new ImplausibleCount(field, value);
      }
      return Long.parseLong(text);
    }
    if (value.isIntegralNumber()) {
      if (!value.canConvertToLong() || value.asLong() < 0 || value.asLong() > MAX_TOKENS) {
        throw new ImplausibleCount(field, value);
      }
      return value.asLong();
    }
    double number = value.doubleValue();
    if (!value.isNumber()
        || !(number >= 0 && number <= MAX_TOKENS)
        || number != Math.rint(number)) {
      throw new ImplausibleCount(field, value);
    }
    return (long) number;
  }
}
