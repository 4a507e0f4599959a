package dev.lookout.cli.guard.injection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.guard.injection.InjectionClassifier;
import dev.lookout.core.guard.injection.InjectionDataset;
import dev.lookout.core.guard.injection.InjectionEvaluation;
import dev.lookout.core.guard.injection.LabeledText;
import dev.lookout.core.io.JsonLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code injection --data FILE.jsonl [--format table|json]}: scores every row of a labelled JSONL
 * file with the built-in injection classifier at its shipped threshold and prints n, precision,
 * recall, F1 and false-positive rate, overall and per source. Undefined metrics (recall of a source
 * without injections) print as {@code -} in the table and {@code null} in JSON.
 */
@Command(
    name = "injection",
    mixinStandardHelpOptions = true,
    description = "Evaluate the built-in injection classifier on a labelled JSONL file.")
public final class InjectionEvalCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Output formats. */
  public enum Format {
    table,
    json
  }

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "JSONL file with one {\"text\", \"label\": 0|1, \"source\"} object per line.")
  Path data;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.table;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(data)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--data: file not found: " + data);
    }
    PrintWriter out = spec.commandLine().getOut();
    run(data, format == Format.json, out);
    return 0;
  }

  /**
   * Evaluates the built-in classifier on {@code data} and prints the report to {@code out}. Returns
   * the rows it got wrong, in file order, each as {@code {"line", "source", "label", "score",
   * "text"}} with {@code line} the row's 1-based line number in {@code data}, blank lines counted,
   * as in the file's validation errors.
   *
   * @throws IOException when {@code data} cannot be read
   * @throws IllegalArgumentException when a line of {@code data} is not a valid example, or it has
   *     no rows
   */
  public static List<ObjectNode> run(Path data, boolean json, PrintWriter out) throws IOException {
    List<LabeledText> rows = InjectionDataset.read(data);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          "No rows in "
              + data.toAbsolutePath()
              + ": it is empty or has only blank lines; write one object per line, such as"
              + " {\"text\": \"...\", \"label\": 1}");
    }
    InjectionClassifier classifier = InjectionClassifier.builtIn();
    double[] scores = InjectionEvaluation.scores(rows, classifier);
    InjectionEvaluation.Report report =
        InjectionEvaluation.evaluate(rows, scores, classifier.threshold());
    if (json) {
      out.println(JSON.writeValueAsString(toJson(report)));
    } else {
      printTable(report, out);
    }
    out.flush();
    List<Integer> lines = JsonLines.read(data, (line, number) -> number);
    return misses(rows, lines, scores, classifier.threshold());
  }

  private static List<ObjectNode> misses(
      List<LabeledText> rows, List<Integer> lines, double[] scores, double threshold) {
    List<ObjectNode> misses = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      LabeledText row = rows.get(i);
      if ((scores[i] >= threshold) == row.injection()) {
        continue;
      }
      ObjectNode miss = JSON.createObjectNode();
      miss.put("line", lines.get(i));
      miss.put("source", row.source());
      miss.put("label", row.injection() ? 1 : 0);
      miss.put("score", Math.round(scores[i] * 10_000) / 10_000.0);
      miss.put("text", row.text());
      misses.add(miss);
    }
    return misses;
  }

  static ObjectNode toJson(InjectionEvaluation.Report report) {
    ObjectNode root = metricsJson(report.overall());
    root.put("threshold", report.threshold());
    ObjectNode bySource = root.putObject("by_source");
    for (Map.Entry<String, InjectionEvaluation.Metrics> entry : report.bySource().entrySet()) {
      bySource.set(entry.getKey(), metricsJson(entry.getValue()));
    }
    return root;
  }

  private static ObjectNode metricsJson(InjectionEvaluation.Metrics metrics) {
    ObjectNode node = JSON.createObjectNode();
    node.put("n", metrics.n());
    putNumber(node, "precision", metrics.precision());
    putNumber(node, "recall", metrics.recall());
    putNumber(node, "f1", metrics.f1());
    putNumber(node, "false_positive_rate", metrics.falsePositiveRate());
    return node;
  }

  private static void putNumber(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  private static void printTable(InjectionEvaluation.Report report, PrintWriter out) {
    out.printf(Locale.ROOT, "threshold %.4f%n", report.threshold());
    out.printf(
        Locale.ROOT,
        "%-60s %6s %9s %6s %6s %6s%n",
        "source",
        "n",
        "precision",
        "recall",
        "f1",
        "fpr");
    for (Map.Entry<String, InjectionEvaluation.Metrics> entry : report.bySource().entrySet()) {
      printRow(entry.getKey(), entry.getValue(), out);
    }
    printRow("overall", report.overall(), out);
  }

  private static void printRow(String name, InjectionEvaluation.Metrics m, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%-60s %6d %9s %6s %6s %6s%n",
        name,
        m.n(),
        number(m.precision()),
        number(m.recall()),
        number(m.f1()),
        number(m.falsePositiveRate()));
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }
}
