package dev.lookout.gateway.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;

/**
 * Writes an error in the provider's shape: OpenAI's {@code {"error": {"message", "type", "param",
 * "code"}}}, or Anthropic's {@code {"type": "error", "error": {"type", "message"}}} on its routes.
 */
public final class ErrorBody {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorBody() {}

  /** Returns the JSON body for {@code error} with a message that names the value and the fix. */
  public static Buffer of(GatewayError error, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode body = root.putObject("error");
    body.put("message", message);
    body.put("type", error.type());
    body.putNull("param");
    body.put("code", error.code());
    return Buffer.buffer(root.toString());
  }

  /** Returns the JSON body in Anthropic's error shape, with Lookout's code as the error type. */
  public static Buffer anthropic(GatewayError error, String message) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "error");
    ObjectNode body = root.putObject("error");
    body.put("type", error.code());
    body.put("message", message);
    return Buffer.buffer(root.toString());
  }
}
