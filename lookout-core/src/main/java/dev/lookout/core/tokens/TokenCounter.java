package dev.lookout.core.tokens;

import com.fasterxml.jackson.databind.JsonNode;

/** Counts tokens with the model's tokenizer when the provider reports no usage. */
public final class TokenCounter {

  /** Returns a counter backed by jtokkit's lazy encoding registry. */
  public static TokenCounter create() {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Counts the tokens of {@code text} as {@code model} encodes it. */
  public int countText(String model, String text) {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Counts the prompt tokens of a chat request's {@code messages} array, overheads included. */
  public int countChatPrompt(String model, JsonNode messages) {
    throw new UnsupportedOperationException("not built yet");
  }
}
