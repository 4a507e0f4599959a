package dev.lookout.gateway.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;

/** Writes an error in OpenAI's shape: {@code {"error": {"message", "type", "param", "code"}}}. */
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
}
