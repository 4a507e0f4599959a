package dev.lookout.cli.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lookout.cli.prices.OutputFormat;
import dev.lookout.cli.prices.PriceTableOptions;
import dev.lookout.core.pricing.PriceQuote;
import dev.lookout.core.pricing.PriceTable;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageReader;
import dev.lookout.core.usage.UsageSource;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookout cost}: the exact cost of one call from its token counts. Input and output are
 * totals: cached reads and cache writes are parts of the input, reasoning is part of the output.
 * Exits with status 1 when the call cannot be priced, and prints why.
 */
@Command(
    name = "cost",
    mixinStandardHelpOptions = true,
    description = "Compute the exact USD cost of a call from its token counts.")
public final class CostCommand implements Callable<Integer> {
  /** Decimal places of cost_usd: enough for one token of the cheapest listed price. */
  private static final int MIN_COST_SCALE = 9;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model name.")
  String model;

  @Option(
      names = "--input-tokens",
      required = true,
      paramLabel = "N",
      description = "All prompt tokens, cached reads and cache writes included.")
  long inputTokens;

  @Option(
      names = "--output-tokens",
      required = true,
      paramLabel = "N",
      description = "All completion tokens, reasoning included.")
  long outputTokens;

  @Option(
      names = "--cached-tokens",
      paramLabel = "N",
      description = "Prompt tokens read from the prompt cache (part of the input; default: 0).")
  long cachedTokens;

  @Option(
      names = "--cache-write-tokens",
      paramLabel = "N",
      description = "Prompt tokens written to the prompt cache (part of the input; default: 0).")
  long cacheWriteTokens;

  @Option(
      names = "--cache-write-1h-tokens",
      paramLabel = "N",
      description =
          "Cache writes with Anthropic's 1-hour lifetime (part of --cache-write-tokens; default: 0).")
  long cacheWriteOneHourTokens;

  @Option(
      names = "--reasoning-tokens",
      paramLabel = "N",
      description = "Reasoning or thinking tokens (part of the output; default: 0).")
  long reasoningTokens;

  @Option(names = "--batch", description = "Price at the provider's batch API prices.")
  boolean batch;

  @Mixin PriceTableOptions tableOptions = new PriceTableOptions();

  @Override
  public Integer call() throws Exception {
    boolean json = OutputFormat.isJson(tableOptions.format);
    TokenUsage usage = usage();
    PriceTable table = tableOptions.load(spec.commandLine());
    PriceQuote quote = table.quote(model, usage, batch);
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> fields = fields(quote, usage);
    if (json) {
      out.println(JSON.writeValueAsString(fields));
    } else {
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        out.println(field.getKey() + ": " + (field.getValue() == null ? "-" : field.getValue()));
      }
    }
    out.flush();
    return quote.priced() ? 0 : 1;
  }

  private TokenUsage usage() {
    requireTokenCount("--input-tokens", inputTokens);
    requireTokenCount("--output-tokens", outputTokens);
    requireTokenCount("--cached-tokens", cachedTokens);
    requireTokenCount("--cache-write-tokens", cacheWriteTokens);
    requireTokenCount("--cache-write-1h-tokens", cacheWriteOneHourTokens);
    requireTokenCount("--reasoning-tokens", reasoningTokens);
    if (cachedTokens > inputTokens) {
      throw invalid(
          "--cached-tokens ("
              + cachedTokens
              + ") must not exceed --input-tokens ("
              + inputTokens
              + "), which includes the cached tokens");
    }
    // Compared by subtraction: the sum of two counts near Long.MAX_VALUE would overflow.
    if (cacheWriteTokens > inputTokens - cachedTokens) {
      throw invalid(
          "--cache-write-tokens ("
              + cacheWriteTokens
              + ") plus --cached-tokens ("
              + cachedTokens
              + ") must not exceed --input-tokens ("
              + inputTokens
              + ")");
    }
    if (cacheWriteOneHourTokens > cacheWriteTokens) {
      throw invalid(
          "--cache-write-1h-tokens ("
              + cacheWriteOneHourTokens
              + ") must not exceed --cache-write-tokens ("
              + cacheWriteTokens
              + ")");
    }
    if (reasoningTokens > outputTokens) {
      throw invalid(
          "--reasoning-tokens ("
              + reasoningTokens
              + ") must not exceed --output-tokens ("
              + outputTokens
              + "), which includes the reasoning tokens");
    }
    return new TokenUsage(
        inputTokens,
        outputTokens,
        cachedTokens,
        cacheWriteTokens,
        reasoningTokens,
        cacheWriteOneHourTokens,
        UsageSource.ESTIMATED);
  }

  private Map<String, Object> fields(PriceQuote quote, TokenUsage usage) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("model", quote.resolvedModel());
    fields.put("requested_model", model);
    fields.put("priced", quote.priced());
    fields.put("cost_usd", quote.priced() ? costText(quote.costUsd()) : null);
    fields.put("unpriced_reason", quote.unpricedReason());
    fields.put("batch", batch);
    fields.put("input_tokens", usage.inputTokens());
    fields.put("cached_tokens", usage.cachedInputTokens());
    fields.put("cache_write_tokens", usage.cacheWriteTokens());
    fields.put("cache_write_1h_tokens", usage.cacheWriteOneHourTokens());
    fields.put("output_tokens", usage.outputTokens());
    fields.put("reasoning_tokens", usage.reasoningTokens());
    fields.put("source", quote.price() == null ? null : quote.price().source());
    return fields;
  }

  /** Returns {@code cost} as a plain decimal string with at least nine decimal places. */
  static String costText(BigDecimal cost) {
    return cost.setScale(Math.max(MIN_COST_SCALE, cost.scale())).toPlainString();
  }

  private void requireTokenCount(String option, long value) {
    if (value < 0) {
      throw invalid(option + " must be zero or more, got " + value);
    }
    // The gateway ignores provider usage above this, so the two never price such a count.
    if (value > UsageReader.MAX_TOKENS) {
      throw invalid(
          option
              + " must be at most "
              + UsageReader.MAX_TOKENS
              + " (the largest token count Lookout prices), got "
              + value);
    }
  }

  private CommandLine.ParameterException invalid(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
