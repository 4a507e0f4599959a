package dev.lookout.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The text fields of Anthropic citations and web search results that a client shows. A citation has
 * its {@code cited_text}, {@code document_title}, and the {@code title} and {@code url} that a
 * {@code web_search_result_location} carries. Each result of a {@code web_search_tool_result} block
 * has its {@code title} and {@code url}. The {@code encrypted_content} of a result and the {@code
 * encrypted_index} of a citation are opaque and never visited.
 */
final class CitedSources {
  private static final List<String> CITATION_FIELDS =
      List.of("cited_text", "document_title", "title", "url");

  private static final List<String> SEARCH_RESULT_FIELDS = List.of("title", "url");

  private CitedSources() {}

  /**
   * Calls {@code guard} with each text field of {@code citation} and returns whether it had any.
   */
  static boolean visitCitation(JsonNode citation, BiConsumer<ObjectNode, String> guard) {
    return citation instanceof ObjectNode node && visit(node, CITATION_FIELDS, guard);
  }

  /**
   * Calls {@code guard} with each text field of the citations of {@code block} and, in a {@code
   * web_search_tool_result} block, of its results. Returns whether it had any.
   */
  static boolean visitBlock(JsonNode block, BiConsumer<ObjectNode, String> guard) {
    boolean found = false;
    for (JsonNode citation : block.path("citations")) {
      found |= visitCitation(citation, guard);
    }
    // A failed search has one error object as its content, and iterating an object visits its
    // values.
    JsonNode content = block.path("content");
    if (block.path("type").asText().equals("web_search_tool_result") && content.isArray()) {
      for (JsonNode result : content) {
        if (result instanceof ObjectNode node) {
          found |= visit(node, SEARCH_RESULT_FIELDS, guard);
        }
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
