package dev.lookout.gateway.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.drift.DriftCheck;
import java.util.List;

/** JSON bodies of the drift routes. Field names are snake_case; times are ISO-8601 UTC. */
public final class DriftJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DriftJson() {}

  /**
   * Returns {@code {"templates": [...]}}: one entry per template and model with its state, its last
   * test's numbers (null before the first test) and the window texts farthest from the baseline.
   */
  public static String templates(List<DriftStatus> statuses) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode templates = root.putArray("templates");
    for (DriftStatus status : statuses) {
      ObjectNode entry = templates.addObject();
      entry.put("prompt_template", status.key().promptTemplate());
      entry.put("model", status.key().model());
      entry.put("state", status.state().label());
      DriftCheck check = status.lastCheck();
      if (check == null) {
        entry.putNull("statistic");
        entry.putNull("p_value");
        entry.putNull("embedding_p_value");
        entry.putNull("profile_p_value");
        entry.putNull("distance");
        entry.put("baseline_n", status.baselineN());
        entry.put("window_n", status.windowN());
        entry.putNull("checked_at");
        entry.putArray("responsible");
        continue;
      }
      entry.put("statistic", check.result().statistic());
      entry.put("p_value", check.result().pValue());
      putNumber(entry, "embedding_p_value", check.result().embeddingPValue());
      putNumber(entry, "profile_p_value", check.result().profilePValue());
      putNumber(entry, "phrase_p_value", check.result().phrasePValue());
      entry.put("distance", check.result().distance());
      entry.put("baseline_n", check.result().baselineN());
      entry.put("window_n", check.result().windowN());
      entry.put("checked_at", check.checkedAt().toString());
      ArrayNode responsible = entry.putArray("responsible");
      for (DriftCheck.ResponsibleText text : check.responsible()) {
        responsible.addObject().put("text", text.text()).put("distance", text.distance());
      }
    }
    return root.toString();
  }

  /** Puts {@code value}, or null for NaN, which JSON cannot carry. */
  private static void putNumber(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  /** Returns {@code {"points": [...]}}, one point per stored test, oldest first. */
  public static String history(List<DriftCheck> checks) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode points = root.putArray("points");
    for (DriftCheck check : checks) {
      ObjectNode point =
          points
              .addObject()
              .put("checked_at", check.checkedAt().toString())
              .put("prompt_template", check.key().promptTemplate())
              .put("model", check.key().model())
              .put("state", check.state().label())
              .put("statistic", check.result().statistic())
              .put("p_value", check.result().pValue());
      putNumber(point, "embedding_p_value", check.result().embeddingPValue());
      putNumber(point, "profile_p_value", check.result().profilePValue());
      putNumber(point, "phrase_p_value", check.result().phrasePValue());
      point
          .put("distance", check.result().distance())
          .put("baseline_n", check.result().baselineN())
          .put("window_n", check.result().windowN());
    }
    return root.toString();
  }
}
