package dev.lookout.core.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * JSON of an {@link ExperimentAnalysis}, the shape printed by {@code lookout experiment analyze}
 * and served by {@code GET /api/v1/experiments/{id}}. Field names are snake_case, and a value that
 * cannot be computed is null.
 */
public final class AnalysisJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnalysisJson() {}

  /** Returns the analysis as a JSON object. */
  public static ObjectNode toJson(ExperimentAnalysis analysis) {
    Experiment experiment = analysis.experiment();
    ObjectNode root = JSON.createObjectNode();
    root.put("experiment_id", experiment.id());
    root.put("control", experiment.control());
    putNumber(root, "srm_p_value", analysis.srmPValue());
    root.put("srm_mismatch", analysis.srmMismatch());
    root.put("correction", ExperimentAnalysis.CORRECTION);
    root.put("alpha", ExperimentAnalyzer.ALPHA);
    root.put("power", ExperimentAnalyzer.POWER);
    putNumber(root, "mde", experiment.mde());
    ArrayNode variants = root.putArray("variants");
    List<Double> shares = experiment.normalisedWeights();
    for (int i = 0; i < experiment.variants().size(); i++) {
      String name = experiment.variants().get(i).name();
      ObjectNode variant = variants.addObject();
      variant.put("name", name);
      variant.put("weight", shares.get(i));
      variant.put("units", analysis.unitsPerVariant().getOrDefault(name, 0L));
    }
    ObjectNode kinds = root.putObject("metric_kinds");
    analysis.kinds().forEach((metric, kind) -> kinds.put(metric, kind.wireName()));
    ObjectNode metrics = root.putObject("metrics");
    for (Map.Entry<String, Map<String, VariantResult>> metric : analysis.metrics().entrySet()) {
      ObjectNode perVariant = metrics.putObject(metric.getKey());
      metric.getValue().forEach((name, result) -> perVariant.set(name, variantJson(result)));
    }
    return root;
  }

  /** Returns the analysis as compact JSON text. */
  public static String write(ExperimentAnalysis analysis) {
    return toJson(analysis).toString();
  }

  private static ObjectNode variantJson(VariantResult result) {
    ObjectNode node = JSON.createObjectNode();
    node.put("n", result.n());
    putNumber(node, "mean", result.mean());
    putNumber(node, "diff", result.diff());
    if (result.ciLow() == null) {
      node.putNull("ci95");
    } else {
      node.putArray("ci95").add(result.ciLow()).add(result.ciHigh());
    }
    putNumber(node, "p_value", result.pValue());
    putNumber(node, "p_value_adjusted", result.pValueAdjusted());
    putNumber(node, "sequential_p_value", result.sequentialPValue());
    putNumber(node, "sequential_p_value_adjusted", result.sequentialPValueAdjusted());
    putNumber(node, "relative_lift", result.relativeLift());
    if (result.nRequired() == null) {
      node.putNull("n_required");
      node.putNull("n_needed");
    } else {
      node.put("n_required", result.nRequired());
      node.put("n_needed", result.nNeeded());
    }
    return node;
  }

  private static void putNumber(ObjectNode node, String field, Double value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
