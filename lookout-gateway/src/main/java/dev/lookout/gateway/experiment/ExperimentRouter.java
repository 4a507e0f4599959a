package dev.lookout.gateway.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.experiment.Experiment;
import dev.lookout.core.experiment.PromptTemplate;
import dev.lookout.core.experiment.Variant;
import dev.lookout.gateway.error.GatewayError;
import dev.lookout.gateway.proxy.LookoutHeaders;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Picks the variant of a call that names an experiment in {@code x-lookout-experiment}, and renders
 * the variant's template into the request.
 *
 * <p>Contract: the call needs a user ({@code x-lookout-user} or the body's {@code user}). The
 * variant's template, with {@code {{name}}} placeholders filled from the request's {@code metadata}
 * (and {@code x-lookout-metadata}) overlaid by the JSON object in {@code x-lookout-variables},
 * becomes the system prompt: on {@code /v1/chat/completions} it replaces the content of a leading
 * {@code system} or {@code developer} message or is inserted as a new first {@code system} message,
 * and on {@code /v1/messages} it replaces the top-level {@code system} field. A variant without a
 * template leaves the request unchanged. Outside the experiment's start and stop the control is
 * served and no experiment is recorded.
 */
public final class ExperimentRouter {
  /** Header that names the experiment. */
  public static final String EXPERIMENT_HEADER = "x-lookout-experiment";

  /** Header with a JSON object of template variables. */
  public static final String VARIABLES_HEADER = "x-lookout-variables";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Experiment> experiments;

  public ExperimentRouter(ExperimentSettings settings) {
    this.experiments = settings.byId();
  }

  /**
   * The outcome for one call.
   *
   * @param experimentId recorded experiment id, null when none applies
   * @param variant recorded variant name, null when none applies
   * @param rewritten whether the request body was changed
   */
  public record Routing(String experimentId, String variant, boolean rewritten) {
    static final Routing NONE = new Routing(null, null, false);
  }

  /** Reports a request the experiment cannot serve, with its catalogue entry. */
  public static final class RoutingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient GatewayError error;

    RoutingException(GatewayError error, String message) {
      super(message);
      this.error = error;
    }

    public GatewayError error() {
      return error;
    }
  }

  /**
   * Assigns and renders; {@code body} is changed in place when a template applies.
   *
   * @param chat whether the route is {@code /v1/chat/completions}
   * @param anthropic whether the route is {@code /v1/messages}
   * @throws RoutingException if the experiment is unknown, the user is missing, the route has no
   *     system prompt, or a template variable is missing
   */
  public Routing route(
      ObjectNode body,
      MultiMap headers,
      String user,
      Map<String, String> metadata,
      boolean chat,
      boolean anthropic,
      Instant now) {
    String id = LookoutHeaders.get(headers, EXPERIMENT_HEADER);
    if (id == null) {
      return Routing.NONE;
    }
    Experiment experiment = experiments.get(id.trim());
    if (experiment == null) {
      throw new RoutingException(
          GatewayError.UNKNOWN_EXPERIMENT,
          "Unknown experiment '"
              + id
              + "' in "
              + EXPERIMENT_HEADER
              + "; known experiments: "
              + experiments.keySet()
              + ". Add it under experiments: in lookout.yaml or fix the header");
    }
    if (user == null || user.isBlank()) {
      throw new RoutingException(
          GatewayError.INVALID_EXPERIMENT_REQUEST,
          "Experiment '"
              + id
              + "' assigns variants per user, but the request has none; set the body's \"user\""
              + " field or the x-lookout-user header");
    }
    boolean running = experiment.runningAt(now);
    Variant variant =
        running ? experiment.assign(user) : experiment.variant(experiment.control()).orElseThrow();
    if (variant.template() == null) {
      return running ? new Routing(experiment.id(), variant.name(), false) : Routing.NONE;
    }
    if (!chat && !anthropic) {
      throw new RoutingException(
          GatewayError.INVALID_EXPERIMENT_REQUEST,
          "Experiment '"
              + id
              + "' renders a system prompt, which only /v1/chat/completions and /v1/messages"
              + " have; remove the "
              + EXPERIMENT_HEADER
              + " header on this route");
    }
    String prompt;
    try {
      prompt = PromptTemplate.render(variant.template(), variables(metadata, headers));
    } catch (IllegalArgumentException e) {
      throw new RoutingException(
          GatewayError.INVALID_EXPERIMENT_REQUEST,
          "Variant '" + variant.name() + "' of experiment '" + id + "': " + e.getMessage());
    }
    if (anthropic) {
      body.put("system", prompt);
    } else {
      setSystemMessage(body, prompt);
    }
    return running ? new Routing(experiment.id(), variant.name(), true) : Routing.NONE;
  }

  private static void setSystemMessage(ObjectNode body, String prompt) {
    JsonNode messages = body.path("messages");
    if (!messages.isArray()) {
      throw new RoutingException(
          GatewayError.INVALID_EXPERIMENT_REQUEST,
          "The request has no \"messages\" array to put the experiment's system prompt in");
    }
    ArrayNode list = (ArrayNode) messages;
    JsonNode first = list.path(0);
    String role = first.path("role").asText("");
    if (first.isObject() && (role.equals("system") || role.equals("developer"))) {
      ((ObjectNode) first).put("content", prompt);
    } else {
      ObjectNode system = JSON.createObjectNode();
      system.put("role", "system");
      system.put("content", prompt);
      list.insert(0, system);
    }
  }

  private static Map<String, String> variables(Map<String, String> metadata, MultiMap headers) {
    Map<String, String> variables = new LinkedHashMap<>(metadata);
    String header = LookoutHeaders.get(headers, VARIABLES_HEADER);
    if (header == null) {
      return variables;
    }
    JsonNode node;
    try {
      node = JSON.readTree(header);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw new RoutingException(
          GatewayError.INVALID_HEADER,
          "Header "
              + VARIABLES_HEADER
              + " must be a JSON object such as {\"language\":\"French\"}");
    }
    node.fields()
        .forEachRemaining(
            field ->
                variables.put(
                    field.getKey(),
                    field.getValue().isTextual()
                        ? field.getValue().asText()
                        : field.getValue().toString()));
    return variables;
  }
}
