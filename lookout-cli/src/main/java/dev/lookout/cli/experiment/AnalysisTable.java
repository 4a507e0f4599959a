package dev.lookout.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** Renders the analysis JSON as a table per metric, for people. */
final class AnalysisTable {
  private AnalysisTable() {}

  static String render(JsonNode analysis) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "experiment %s, control %s, sample-ratio p %s%s, correction %s%n",
            analysis.path("experiment_id").asText(),
            analysis.path("control").asText(),
            number(analysis.path("srm_p_value")),
            analysis.path("srm_mismatch").asBoolean() ? " MISMATCH: do not trust the results" : "",
            analysis.path("correction").asText()));
    String header =
        String.format(
            Locale.ROOT,
            "%-12s %8s %12s %12s %27s %9s %9s %9s %8s %9s%n",
            "variant",
            "n",
            "mean",
            "diff",
            "95% CI",
            "p",
            "p adj",
            "seq p",
            "lift",
            "n needed");
    Iterator<Map.Entry<String, JsonNode>> metrics = analysis.path("metrics").fields();
    while (metrics.hasNext()) {
      Map.Entry<String, JsonNode> metric = metrics.next();
      String kind = analysis.path("metric_kinds").path(metric.getKey()).asText("");
      out.append(String.format(Locale.ROOT, "%n%s (%s)%n", metric.getKey(), kind)).append(header);
      Iterator<Map.Entry<String, JsonNode>> variants = metric.getValue().fields();
      while (variants.hasNext()) {
        Map.Entry<String, JsonNode> variant = variants.next();
        JsonNode v = variant.getValue();
        JsonNode ci = v.path("ci95");
        String interval =
            ci.isArray() ? "[" + number(ci.get(0)) + ", " + number(ci.get(1)) + "]" : "-";
        out.append(
            String.format(
                Locale.ROOT,
                "%-12s %8d %12s %12s %27s %9s %9s %9s %8s %9s%n",
                variant.getKey(),
                v.path("n").asLong(),
                number(v.path("mean")),
                number(v.path("diff")),
                interval,
                number(v.path("p_value")),
                number(v.path("p_value_adjusted")),
                number(v.path("sequential_p_value")),
                percent(v.path("relative_lift")),
                v.path("n_needed").isNumber() ? v.path("n_needed").asText() : "-"));
      }
    }
    return out.toString();
  }

  private static String number(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.4g", node.asDouble());
  }

  private static String percent(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return "-";
    }
    return String.format(Locale.ROOT, "%+.1f%%", 100 * node.asDouble());
  }
}
