package dev.lookout.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The text fields of Anthropic citations and server tool results that a client shows. A citation
 * has its {@code cited_text}, {@code document_title}, and the {@code title} and {@code url} that a
 * {@code web_search_result_location} carries. Each result of a {@code web_search_tool_result} block
 * has its {@code title} and {@code url}. A {@code web_fetch_tool_result} has the {@code url} it
 * fetched and a document with a {@code title} and, for a text source, its {@code data}. The results
 * of code execution ({@code code_execution_tool_result} and {@code
 * bash_code_execution_tool_result}) have {@code stdout} and {@code stderr}; a {@code
 * text_editor_code_execution_tool_result} has the {@code content} of a viewed file, the {@code
 * lines} of an edit and an {@code error_message}. An {@code mcp_tool_result} has its {@code
 * content}, a string or text blocks with their citations. The {@code encrypted_content} of a
 * result, the {@code encrypted_index} of a citation and the {@code encrypted_stdout} of a code
 * execution result are opaque and never visited, nor is the base64 data of a fetched PDF.
 */
final class CitedSources {
  private static final List<String> CITATION_FIELDS =
      List.of("cited_text", "document_title", "title", "url");

  private static final List<String> SEARCH_RESULT_FIELDS = List.of("title", "url");

  private static final List<String> EXECUTION_FIELDS = List.of("stdout", "stderr");

  private static final List<String> EDITOR_FIELDS = List.of("content", "error_message");

  private CitedSources() {}

  /**
   * Calls {@code guard} with each text field of {@code citation} and returns whether it had any.
   */
  static boolean visitCitation(JsonNode citation, BiConsumer<ObjectNode, String> guard) {
    return citation instanceof ObjectNode node && visit(node, CITATION_FIELDS, guard);
  }

  /**
   * Calls {@code guard} with each text field of the citations of {@code block} and, in a server
   * tool result block, of its result. Returns whether it had any.
   */
  static boolean visitBlock(JsonNode block, BiConsumer<ObjectNode, String> guard) {
    boolean found = false;
    for (JsonNode citation : block.path("citations")) {
      found |= visitCitation(citation, guard);
    }
    // A failed call has one error object as its content, and iterating an object visits its
    // values, so each kind checks the shape its results have.
    JsonNode content = block.path("content");
    switch (block.path("type").asText()) {
      case "web_search_tool_result" -> {
        if (content.isArray()) {
          for (JsonNode result : content) {
            if (result instanceof ObjectNode node) {
              found |= visit(node, SEARCH_RESULT_FIELDS, guard);
            }
          }
        }
      }
      case "web_fetch_tool_result" -> found |= visitFetch(content, guard);
      case "code_execution_tool_result", "bash_code_execution_tool_result" ->
          found |= content instanceof ObjectNode node && visit(node, EXECUTION_FIELDS, guard);
      case "text_editor_code_execution_tool_result" -> {
        if (content instanceof ObjectNode node) {
          found |= visit(node, EDITOR_FIELDS, guard);
          found |= visitLines(node.get("lines"), guard);
        }
      }
      // What an MCP server returned through the MCP connector: one string, or text blocks.
      case "mcp_tool_result" -> {
        if (content.isTextual()) {
          found |= block instanceof ObjectNode node && visit(node, List.of("content"), guard);
        } else if (content.isArray()) {
          for (JsonNode part : content) {
            if (part instanceof ObjectNode node) {
              found |= visitBlock(node, guard);
              found |= visit(node, List.of("text"), guard);
            }
          }
        }
      }
      default -> {}
    }
    return found;
  }

  /** Visits the address a web fetch result names and the title and text of its document. */
  private static boolean visitFetch(JsonNode result, BiConsumer<ObjectNode, String> guard) {
    if (!(result instanceof ObjectNode node)) {
      return false;
    }
    boolean found = visit(node, List.of("url"), guard);
    if (node.get("content") instanceof ObjectNode document) {
      found |= visit(document, List.of("title"), guard);
      // A PDF source contains base64 data that no detector can read.
      if (document.get("source") instanceof ObjectNode source
          && source.path("type").asText().equals("text")) {
        found |= visit(source, List.of("data"), guard);
      }
    }
    return found;
  }

  /**
   * Visits each string of an edit's {@code lines}. The guard works on object fields, so each line
   * passes through a holder object and is written back.
   */
  private static boolean visitLines(JsonNode lines, BiConsumer<ObjectNode, String> guard) {
    if (!(lines instanceof ArrayNode array)) {
      return false;
    }
    boolean found = false;
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).isTextual()) {
        ObjectNode holder = JsonNodeFactory.instance.objectNode().set("line", array.get(i));
        guard.accept(holder, "line");
        array.set(i, holder.get("line"));
        found = true;
      }
    }
    return found;
  }

  private static boolean visit(
      ObjectNode node, List<String> fields, BiConsumer<ObjectNode, String> guard) {
    boolean found = false;
    for (String field : fields) {
      if (node.path(field).isTextual()) {
        guard.accept(node, field);
        found = true;
      }
    }
    return found;
  }
}
