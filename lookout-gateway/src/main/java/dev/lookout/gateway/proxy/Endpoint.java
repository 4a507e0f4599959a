package dev.lookout.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The OpenAI-compatible routes the gateway records, with where each keeps its prompt. */
public enum Endpoint {
  CHAT_COMPLETIONS("/v1/chat/completions", "messages"),
  COMPLETIONS("/v1/completions", "prompt"),
  EMBEDDINGS("/v1/embeddings", "input");

  private final String path;
  private final String promptField;

  Endpoint(String path, String promptField) {
    this.path = path;
    this.promptField = promptField;
  }

  public String path() {
    return path;
  }

  /** Returns the request's prompt: chat messages, a completion prompt, or embedding input. */
  public JsonNode prompt(JsonNode body) {
    return body.path(promptField);
  }

  /** Returns the endpoint for a request path, ignoring a trailing slash. */
  public static Optional<Endpoint> forPath(String path) {
    String normalised = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    for (Endpoint endpoint : values()) {
      if (endpoint.path.equals(normalised)) {
        return Optional.of(endpoint);
      }
    }
    return Optional.empty();
  }
}
