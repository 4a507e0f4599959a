package dev.lookout.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.core.tokens.TokenCounter;
import dev.lookout.core.usage.StreamAccumulator;
import dev.lookout.core.usage.TokenUsage;
import dev.lookout.core.usage.UsageSource;
import java.util.Optional;

/** Counts a call's tokens with the model's tokenizer when the provider reported no usage. */
public final class UsageEstimator {
  private final TokenCounter counter;

  public UsageEstimator(TokenCounter counter) {
    this.counter = counter;
  }

  /** Estimates usage from the request and the output text seen so far. */
  public TokenUsage estimate(
      Endpoint endpoint, String model, JsonNode requestBody, String outputText) {
    long input =
        switch (endpoint) {
          case CHAT_COMPLETIONS -> counter.countChatRequest(model, requestBody);
          case MESSAGES -> counter.countMessagesRequest(model, requestBody);
          default -> countPrompt(model, endpoint.prompt(requestBody));
        };
    long output = counter.countText(model, outputText);
    return TokenUsage.of(input, output, UsageSource.ESTIMATED);
  }

  /**
   * Returns the stream's usage, with its output count replaced by the tokens of the text streamed
   * (and then marked estimated) when the provider's count is not final.
   */
  public Optional<TokenUsage> streamUsage(String model, StreamAccumulator stream) {
    Optional<TokenUsage> usage = stream.usage();
    if (usage.isEmpty() || stream.outputCountFinal()) {
      return usage;
    }
    TokenUsage reported = usage.get();
    long streamed =
        counter.countText(model, stream.outputText())
            + counter.countText(model, stream.reasoningText());
    return Optional.of(
        new TokenUsage(
            reported.inputTokens(),
            streamed,
            reported.cachedInputTokens(),
            reported.cacheWriteTokens(),
            reported.reasoningTokens(),
            reported.cacheWriteOneHourTokens(),
            UsageSource.ESTIMATED));
  }

  private long countPrompt(String model, JsonNode prompt) {
    if (prompt.isTextual()) {
      return counter.countText(model, prompt.asText());
    }
    long total = 0;
    for (JsonNode part : prompt) {
      // Token-id arrays (a list of integers) already are tokens.
      total += part.isTextual() ? counter.countText(model, part.asText()) : 1;
    }
    return total;
  }

  /** Returns the output text of a non-streamed response: message content, refusals and text. */
  public static String outputText(JsonNode responseBody) {
    StringBuilder text = new StringBuilder();
    for (JsonNode choice : responseBody.path("choices")) {
      JsonNode message = choice.path("message");
      appendText(text, message.path("content"));
      appendText(text, message.path("refusal"));
      for (JsonNode call : message.path("tool_calls")) {
        appendText(text, call.path("function").path("arguments"));
      }
      appendText(text, choice.path("text"));
    }
    // Anthropic Messages: text blocks, and the input of tool_use blocks as the model wrote it.
    for (JsonNode block : responseBody.path("content")) {
      appendText(text, block.path("text"));
      if (block.path("input").isObject()) {
        text.append(block.get("input"));
      }
    }
    return text.toString();
  }

  private static void appendText(StringBuilder text, JsonNode value) {
    if (value.isTextual()) {
      text.append(value.asText());
    }
  }
}
