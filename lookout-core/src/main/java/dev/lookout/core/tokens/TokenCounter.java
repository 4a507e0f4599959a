package dev.lookout.core.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts tokens with the model's tokenizer when the provider reports no usage.
 *
 * <p>Counts are exact for OpenAI models (jtokkit produces the same token ids as tiktoken). Other
 * providers' models use their own tokenizers, which are not public: for them the count uses {@code
 * o200k_base} and is an estimate, typically within a few percent for English text.
 *
 * <p>Thread-safe: the encodings are immutable once loaded.
 */
public final class TokenCounter {
  /**
   * Tokens OpenAI adds around every chat message ({@code <|start|>role...<|end|>}) and the three
   * that prime the reply, as documented in OpenAI's cookbook for gpt-3.5-turbo-0613 and later.
   */
  private static final int TOKENS_PER_MESSAGE = 3;

  private static final int TOKENS_PER_NAME = 1;
  private static final int REPLY_PRIMING_TOKENS = 3;

  /**
   * Reply priming of the reasoning models (o1, o3, o4 and gpt-5 families): one token fewer. OpenAI
   * does not document it, but recorded calls show it. o3-mini reported 7 prompt tokens for one
   * "hello" chat message and 13 for "What is the capital of Mexico?" in the Responses API. gpt-5.5
   * reported 11 for "Reply with exactly: pong". Each is one less than the gpt-4o formula gives.
   */
  private static final int REASONING_REPLY_PRIMING_TOKENS = 2;

  private static final List<String> REASONING_PREFIXES = List.of("o1", "o3", "o4", "gpt-5");

  // Tool-definition constants of OpenAI's cookbook estimate, described on countChatRequest.
  private static final int TOKENS_PER_FUNCTION = 7;
  private static final int LEGACY_TOKENS_PER_FUNCTION = 10;
  private static final int TOKENS_PER_PARAMETERS = 3;
  private static final int TOKENS_PER_PARAMETER = 3;
  private static final int TOKENS_PER_ENUM = -3;
  private static final int TOKENS_PER_ENUM_VALUE = 3;
  private static final int TOKENS_AFTER_FUNCTIONS = 12;

  /**
   * Tokens besides the schema's name that a {@code response_format} JSON schema adds to the reply
   * and to each earlier assistant message; measured, see countChatRequest.
   */
  private static final int REPLY_FORMAT_TOKENS = 2;

  /** Model name prefixes that use cl100k_base; everything newer uses o200k_base. */
  private static final Map<String, EncodingType> LEGACY_PREFIXES =
      Map.of(
          "gpt-4-", EncodingType.CL100K_BASE,
          "gpt-3.5", EncodingType.CL100K_BASE,
          "text-embedding-", EncodingType.CL100K_BASE);

  private final EncodingRegistry registry;

  private TokenCounter(EncodingRegistry registry) {
    this.registry = registry;
  }

  /**
   * Returns a counter backed by jtokkit's lazy registry, which loads each encoding on first use.
   */
  public static TokenCounter create() {
    return new TokenCounter(Encodings.newLazyEncodingRegistry());
  }

  /** Returns the encoding {@code model} uses, {@code o200k_base} for models it cannot place. */
  public EncodingType encodingFor(String model) {
    String name = baseName(model);
    if (name.equals("gpt-4") || name.equals("gpt-3.5-turbo")) {
      return EncodingType.CL100K_BASE;
    }
    if (name.startsWith("gpt-4o") || name.startsWith("gpt-4.1") || name.startsWith("gpt-4.5")) {
      return EncodingType.O200K_BASE;
    }
    for (Map.Entry<String, EncodingType> entry : LEGACY_PREFIXES.entrySet()) {
      if (name.startsWith(entry.getKey())) {
        return entry.getValue();
      }
    }
    return EncodingType.O200K_BASE;
  }

  /**
   * Counts the tokens of {@code text} as {@code model} encodes it. Special-token text such as
   * {@code <|endoftext|>} is counted as ordinary text, as a provider does with user input.
   */
  public int countText(String model, String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    return encoding(model).countTokensOrdinary(text);
  }

  /**
   * Counts the prompt tokens of a chat request's {@code messages} array: every string value of
   * every message, a name's extra token, three tokens per message and three that prime the reply
   * (two for reasoning models). Content given as an array of parts counts its text parts only.
   */
  public int countChatPrompt(String model, JsonNode messages) {
    if (messages == null || !messages.isArray()) {
      return 0;
    }
    Encoding encoding = encoding(model);
    int total = isReasoningModel(model) ? REASONING_REPLY_PRIMING_TOKENS : REPLY_PRIMING_TOKENS;
    for (JsonNode message : messages) {
      total += TOKENS_PER_MESSAGE;
      total += countValue(encoding, message.path("role"));
      total += countValue(encoding, message.path("content"));
      if (message.hasNonNull("name")) {
        total += TOKENS_PER_NAME + countValue(encoding, message.get("name"));
      }
    }
    return total;
  }

  /**
   * Counts the prompt tokens of a whole chat request body: its {@code messages} as {@link
   * #countChatPrompt} does, plus its {@code tools} (or legacy {@code functions}) definitions.
   *
   * <p>OpenAI renders tool definitions into the prompt in an undocumented format. This uses the
   * estimate from OpenAI's cookbook notebook "How to count tokens with tiktoken": per function 7
   * tokens (10 for cl100k_base models) plus {@code name:description}, 3 more when it has
   * parameters, per parameter 3 plus {@code name:type:description} and 3 per enum value plus the
   * value, less 3 per enum, and 12 after all functions. Trailing periods of descriptions are
   * dropped, and an empty description is left out.
   *
   * <p>A {@code response_format} JSON schema is rendered as {@link ResponseFormatSection} describes
   * and appended, after a blank line, to the first system or developer message; without one it
   * becomes a new system message in front. OpenAI then adds two tokens plus the schema's name for
   * the reply and for every assistant message already in the conversation. NOTE: nested object
   * parameters of tools are not counted, and a request with both tools and a schema was 3 to 5
   * tokens over this count in the recordings checked.
   */
  public int countChatRequest(String model, JsonNode requestBody) {
    if (requestBody == null || !requestBody.isObject()) {
      return 0;
    }
    JsonNode messages = requestBody.get("messages");
    Optional<ResponseFormatSection> section = ResponseFormatSection.of(requestBody);
    int total;
    if (section.isPresent()) {
      total = countWithSection(model, messages, section.get());
    } else {
      total = countChatPrompt(model, messages);
    }
    return total + countTools(model, requestBody);
  }

  /**
   * Counts an Anthropic Messages request as a chat prompt: its top-level {@code system} (a string
   * or text blocks) as a first system message, then its messages' text blocks. Anthropic's
   * tokenizer is not public, so this is an estimate, like every count for its models.
   */
  public int countMessagesRequest(String model, JsonNode requestBody) {
    if (requestBody == null || !requestBody.isObject()) {
      return 0;
    }
    ArrayNode messages = JsonNodeFactory.instance.arrayNode();
    JsonNode system = requestBody.path("system");
    if (system.isTextual() || system.isArray()) {
      ObjectNode first = messages.addObject();
      first.put("role", "system");
      first.set("content", system);
    }
    for (JsonNode message : requestBody.path("messages")) {
      messages.add(message);
    }
    return countChatPrompt(model, messages);
  }

  private int countWithSection(String model, JsonNode messages, ResponseFormatSection section) {
    ArrayNode withSection = JsonNodeFactory.instance.arrayNode();
    boolean added = false;
    int assistants = 0;
    if (messages != null && messages.isArray()) {
      for (JsonNode message : messages) {
        String role = message.path("role").asText();
        boolean system = role.equals("system") || role.equals("developer");
        if (!added && system && message.isObject()) {
          ObjectNode joined = ((ObjectNode) message).deepCopy();
          joined.put("content", joinedText(message.path("content")) + "\n\n" + section.text());
          withSection.add(joined);
          added = true;
          continue;
        }
        if (role.equals("assistant")) {
          assistants++;
        }
        withSection.add(message);
      }
    }
    if (!added) {
      ObjectNode system = withSection.insertObject(0);
      system.put("role", "system");
      system.put("content", section.text());
    }
    int perTurn = REPLY_FORMAT_TOKENS + countText(model, section.name());
    return countChatPrompt(model, withSection) + perTurn * (1 + assistants);
  }

  /** Returns the text of a message's content: the string, or its text parts joined. */
  private static String joinedText(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      text.append(part.isTextual() ? part.asText() : part.path("text").asText(""));
    }
    return text.toString();
  }

  private int countTools(String model, JsonNode requestBody) {
    Encoding encoding = encoding(model);
    int functionStart =
        encodingFor(model) == EncodingType.CL100K_BASE
            ? LEGACY_TOKENS_PER_FUNCTION
            : TOKENS_PER_FUNCTION;
    int total = 0;
    int functions = 0;
    for (JsonNode tool : requestBody.path("tools")) {
      if (tool.path("function").isObject()) {
        total += functionStart + countFunction(encoding, tool.get("function"));
        functions++;
      }
    }
    for (JsonNode function : requestBody.path("functions")) {
      total += functionStart + countFunction(encoding, function);
      functions++;
    }
    return functions == 0 ? 0 : total + TOKENS_AFTER_FUNCTIONS;
  }

  private static int countFunction(Encoding encoding, JsonNode function) {
    // An empty description is left out of the rendered definition, colon included: a tool
    // without one matched OpenAI's prompt_tokens only when counted as the bare name.
    String description = withoutFinalPeriod(function.path("description").asText(""));
    String name = function.path("name").asText("");
    String line = description.isEmpty() ? name : name + ":" + description;
    int total = encoding.countTokensOrdinary(line);
    JsonNode properties = function.path("parameters").path("properties");
    if (!properties.isObject() || properties.isEmpty()) {
      return total;
    }
    total += TOKENS_PER_PARAMETERS;
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      JsonNode schema = property.getValue();
      total += TOKENS_PER_PARAMETER;
      JsonNode values = schema.path("enum");
      if (values.isArray()) {
        total += TOKENS_PER_ENUM;
        for (JsonNode value : values) {
          total += TOKENS_PER_ENUM_VALUE + encoding.countTokensOrdinary(value.asText());
        }
      }
      String parameter =
          property.getKey()
              + ":"
              + schema.path("type").asText("")
              + ":"
              + withoutFinalPeriod(schema.path("description").asText(""));
      total += encoding.countTokensOrdinary(parameter);
    }
    return total;
  }

  private static String withoutFinalPeriod(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private int countValue(Encoding encoding, JsonNode value) {
    if (value.isTextual()) {
      return encoding.countTokensOrdinary(value.asText());
    }
    int total = 0;
    if (value.isArray()) {
      for (JsonNode part : value) {
        total += countValue(encoding, part.isTextual() ? part : part.path("text"));
      }
    }
    return total;
  }

  /** Returns whether {@code model} is one of OpenAI's reasoning models, by its name. */
  static boolean isReasoningModel(String model) {
    String name = baseName(model);
    if (name.startsWith("ft:")) {
      name = name.substring(3);
    }
    for (String prefix : REASONING_PREFIXES) {
      if (name.equals(prefix) || name.startsWith(prefix + "-") || name.startsWith(prefix + ".")) {
        return true;
      }
    }
    return false;
  }

  private Encoding encoding(String model) {
    return registry.getEncoding(encodingFor(model));
  }

  private static String baseName(String model) {
    if (model == null) {
      return "";
    }
    String name = model.toLowerCase(Locale.ROOT);
    int slash = name.lastIndexOf('/');
    return slash >= 0 ? name.substring(slash + 1) : name;
  }
}
