package dev.lookout.gateway.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON bodies of one completion in OpenAI's shapes: {@code chat.completion} and {@code
 * chat.completion.chunk} for chat, {@code text_completion} for the legacy completions route.
 */
final class CompletionBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FINGERPRINT = "fp_lookout_sim";

  /** OpenAI route of the bodies. */
  enum Kind {
    CHAT,
    TEXT
  }

  /** Token counts of one completion. */
  record Usage(int promptTokens, int completionTokens) {}

  private final Kind kind;
  private final String id;
  private final long created;
  private final String model;

  /**
   * @param created Unix time in seconds
   * @param model the model the request named, echoed in every body
   */
  CompletionBodies(Kind kind, String id, long created, String model) {
    this.kind = kind;
    this.id = id;
    this.created = created;
    this.model = model;
  }

  /** Returns the non-stream body: the whole response text, finish_reason "stop" and usage. */
  String full(String text, Usage usage) {
    ObjectNode body = header(kind == Kind.CHAT ? "chat.completion" : "text_completion");
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    if (kind == Kind.CHAT) {
      ObjectNode message = choice.putObject("message");
      message.put("role", "assistant");
      message.put("content", text);
      message.putNull("refusal");
    } else {
      choice.put("text", text);
    }
    choice.putNull("logprobs");
    choice.put("finish_reason", "stop");
    body.set("usage", usageNode(usage));
    return body.toString();
  }

  /** Returns the first chat chunk, which carries the role and empty content. */
  String roleChunk(boolean usageField) {
    ObjectNode body = chunk(usageField);
    ObjectNode delta = firstChoice(body).putObject("delta");
    delta.put("role", "assistant");
    delta.put("content", "");
    firstChoice(body).putNull("finish_reason");
    return body.toString();
  }

  /** Returns a chunk carrying one piece of the response text. */
  String pieceChunk(String piece, boolean usageField) {
    ObjectNode body = chunk(usageField);
    ObjectNode choice = firstChoice(body);
    if (kind == Kind.CHAT) {
      choice.putObject("delta").put("content", piece);
    } else {
      choice.put("text", piece);
    }
    choice.putNull("finish_reason");
    return body.toString();
  }

  /** Returns the chunk with an empty delta and finish_reason "stop". */
  String finishChunk(boolean usageField) {
    ObjectNode body = chunk(usageField);
    ObjectNode choice = firstChoice(body);
    if (kind == Kind.CHAT) {
      choice.putObject("delta");
    } else {
      choice.put("text", "");
    }
    choice.put("finish_reason", "stop");
    return body.toString();
  }

  /** Returns the final chunk sent when stream_options.include_usage is true: no choices. */
  String usageChunk(Usage usage) {
    ObjectNode body = header(chunkObject());
    body.putArray("choices");
    body.set("usage", usageNode(usage));
    return body.toString();
  }

  /**
   * Returns a chunk with one choice. When {@code usageField} is true the chunk has {@code "usage":
   * null}, as OpenAI sends on every chunk before the usage chunk.
   */
  private ObjectNode chunk(boolean usageField) {
    ObjectNode body = header(chunkObject());
    ArrayNode choices = body.putArray("choices");
    ObjectNode choice = choices.addObject();
    choice.put("index", 0);
    choice.putNull("logprobs");
    if (usageField) {
      body.putNull("usage");
    }
    return body;
  }

  private String chunkObject() {
    return kind == Kind.CHAT ? "chat.completion.chunk" : "text_completion";
  }

  private static ObjectNode firstChoice(ObjectNode body) {
    return (ObjectNode) body.get("choices").get(0);
  }

  private ObjectNode header(String object) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("id", id);
    body.put("object", object);
    body.put("created", created);
    body.put("model", model);
    body.put("system_fingerprint", FINGERPRINT);
    return body;
  }

  private static ObjectNode usageNode(Usage usage) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("prompt_tokens", usage.promptTokens());
    node.put("completion_tokens", usage.completionTokens());
    node.put("total_tokens", usage.promptTokens() + usage.completionTokens());
    return node;
  }
}
