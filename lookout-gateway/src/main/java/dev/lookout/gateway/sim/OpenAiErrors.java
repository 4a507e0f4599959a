package dev.lookout.gateway.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes errors in OpenAI's shape: {@code {"error": {"message", "type", "param", "code"}}}, with
 * the type and code OpenAI uses for each status.
 */
final class OpenAiErrors {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OpenAiErrors() {}

  /** Sends an error with the usual type and code for {@code status} and ends the response. */
  static void send(HttpServerResponse response, int status, String message, String param) {
    if (response.ended() || response.closed()) {
      return;
    }
    ObjectNode error = MAPPER.createObjectNode();
    error.put("message", message);
    error.put("type", type(status));
    error.put("param", param);
    error.put("code", code(status));
    ObjectNode body = MAPPER.createObjectNode();
    body.set("error", error);
    response.setStatusCode(status).putHeader("content-type", "application/json");
    if (status == 429) {
      response.putHeader("retry-after", "1");
    }
    response.end(body.toString());
  }

  static String type(int status) {
    if (status == 429) {
      return "requests";
    }
    if (status >= 500) {
      return "server_error";
    }
    return "invalid_request_error";
  }

  static String code(int status) {
    switch (status) {
      case 401:
        return "invalid_api_key";
      case 404:
        return "not_found";
      case 429:
        return "rate_limit_exceeded";
      default:
        return null;
    }
  }
}
