package dev.lookout.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The routes the gateway records, with the provider API each belongs to and where each keeps its
 * prompt.
 */
public enum Endpoint {
  CHAT_COMPLETIONS("/v1/chat/completions", "messages", "openai"),
  COMPLETIONS("/v1/completions", "prompt", "openai"),
  EMBEDDINGS("/v1/embeddings", "input", "openai"),
  /** Anthropic's Messages API, forwarded to {@code anthropic_upstream}. */
  MESSAGES("/v1/messages", "messages", "anthropic");

  private final String path;
  private final String promptField;
  private final String provider;

  Endpoint(String path, String promptField, String provider) {
    this.path = path;
    this.promptField = promptField;
    this.provider = provider;
  }

  /** Returns the provider API name recorded on the call, {@code openai} or {@code anthropic}. */
  public String provider() {
    return provider;
  }

  /** Returns whether errors on this route use Anthropic's error shape. */
  public boolean anthropic() {
    return this == MESSAGES;
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
