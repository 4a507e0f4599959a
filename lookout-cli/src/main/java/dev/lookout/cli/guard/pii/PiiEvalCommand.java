package dev.lookout.cli.guard.pii;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.pii.PiiDetector;
import dev.lookout.core.guard.pii.PiiType;
import dev.lookout.core.guard.pii.eval.LabelledText;
import dev.lookout.core.guard.pii.eval.PiiDataset;
import dev.lookout.core.guard.pii.eval.PiiEvaluation;
import dev.lookout.core.guard.pii.eval.TypeScore;
import dev.lookout.core.guard.pii.rules.PhoneDetector;
import dev.lookout.core.io.JsonLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lookout guard eval --kind pii}: scores every PII detector, {@code LOCATION} included, on a
 * labelled JSON lines file and prints precision, recall, F1 and support per type and overall. A
 * predicted span counts as correct when it overlaps a labelled span of the same type. Labelled
 * types that no detector reports are listed apart with their support, outside the overall figures.
 */
@Command(
    name = "pii",
    mixinStandardHelpOptions = true,
    description = "Score the PII detectors on a labelled JSON lines file.")
public final class PiiEvalCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description =
          "Labelled JSON lines: {\"text\", \"entities\": [{\"type\", \"start\", \"end\"}]}.")
  Path data;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: table or json (default: table).")
  String format = "table";

  @Override
  public Integer call() throws IOException {
    boolean json;
    if (format.equals("json")) {
      json = true;
    } else if (format.equals("table")) {
      json = false;
    } else {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Invalid --format: " + format + "; use table or json");
    }
    if (!Files.isRegularFile(data)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--data: file not found: " + data);
    }
    PrintWriter out = spec.commandLine().getOut();
    run(data, json, out);
    out.flush();
    return 0;
  }

  /**
   * Scores the detectors on {@code data} and prints the result to {@code out}, as JSON ({@code
   * {"overall": {...}, "by_type": {"EMAIL": {...}}, "not_detected": {"ORGANIZATION": {"support":
   * n}}}}) or as a table. Returns the texts with a missed or a wrong span, in file order, each as
   * {@code {"line", "text", "missed": [...], "wrong": [...]}} with spans as {@code {"type",
   * "start", "end", "value"}}, offsets in code points as in the data file, and {@code line} the
   * text's 1-based line number in {@code data}, blank lines counted, as in the file's validation
   * errors. Labels of types that no detector reports are not listed as missed.
   *
   * @throws IOException if the file cannot be read or contains an invalid line
   * @throws IllegalArgumentException if the file has no rows
   */
  public static List<ObjectNode> run(Path data, boolean json, PrintWriter out) throws IOException {
    return run(data, json, out, PhoneDetector.DEFAULT_REGIONS);
  }

  /**
   * Scores the detectors as {@link #run(Path, boolean, PrintWriter)} does, with the phone detector
   * trying the numbering plans of {@code phoneRegions} in order.
   */
  public static List<ObjectNode> run(
      Path data, boolean json, PrintWriter out, List<String> phoneRegions) throws IOException {
    List<LabelledText> texts = PiiDataset.read(data);
    if (texts.isEmpty()) {
      throw new IllegalArgumentException(
          "No rows in "
              + data.toAbsolutePath()
              + ": it is empty or has only blank lines; write one object per line, such as"
              + " {\"text\": \"ann@example.com\", \"entities\": [{\"type\": \"EMAIL\","
              + " \"start\": 0, \"end\": 15}]}");
    }
    PiiDetector detector = PiiDetector.withTypes(EnumSet.allOf(PiiType.class), phoneRegions);
    List<List<Finding>> predictions = PiiEvaluation.predict(detector, texts);
    PiiEvaluation evaluation = PiiEvaluation.score(texts, predictions, detector.enabledTypes());
    if (json) {
      out.println(JSON.writeValueAsString(toJson(evaluation)));
    } else {
      printTable(evaluation, out);
    }
    List<Integer> lines = JsonLines.read(data, (line, number) -> number);
    return misses(texts, lines, predictions, detector.enabledTypes());
  }

  private static List<ObjectNode> misses(
      List<LabelledText> texts,
      List<Integer> lines,
      List<List<Finding>> predictions,
      Set<PiiType> reported) {
    List<ObjectNode> misses = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i).text();
      List<Finding> labels = new ArrayList<>();
      for (Finding label : texts.get(i).entities()) {
        PiiType type = PiiType.parseOrNull(label.type());
        if (type != null && reported.contains(type)) {
          labels.add(label);
        }
      }
      List<Finding> missed = PiiEvaluation.unmatched(labels, predictions.get(i));
      List<Finding> wrong = PiiEvaluation.unmatched(predictions.get(i), labels);
      if (missed.isEmpty() && wrong.isEmpty()) {
        continue;
      }
      ObjectNode miss = JSON.createObjectNode();
      miss.put("line", lines.get(i));
      miss.put("text", text);
      addSpans(miss.putArray("missed"), missed, text);
      addSpans(miss.putArray("wrong"), wrong, text);
      misses.add(miss);
    }
    return misses;
  }

  private static void addSpans(ArrayNode array, List<Finding> spans, String text) {
    for (Finding span : spans) {
      array
          .addObject()
          .put("type", span.type())
          .put("start", text.codePointCount(0, span.start()))
          .put("end", text.codePointCount(0, span.end()))
          .put("value", text.substring(span.start(), span.end()));
    }
  }

  static ObjectNode toJson(PiiEvaluation evaluation) {
    ObjectNode root = JSON.createObjectNode();
    root.set("overall", scoreJson(evaluation.overall()));
    ObjectNode byType = root.putObject("by_type");
    for (Map.Entry<String, TypeScore> entry : evaluation.byType().entrySet()) {
      byType.set(entry.getKey(), scoreJson(entry.getValue()));
    }
    ObjectNode notDetected = root.putObject("not_detected");
    for (Map.Entry<String, Integer> entry : evaluation.undetected().entrySet()) {
      notDetected.putObject(entry.getKey()).put("support", entry.getValue());
    }
    return root;
  }

  private static ObjectNode scoreJson(TypeScore score) {
    ObjectNode node = JSON.createObjectNode();
    node.put("precision", round(score.precision()));
    node.put("recall", round(score.recall()));
    node.put("f1", round(score.f1()));
    node.put("support", score.support());
    return node;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static void printTable(PiiEvaluation evaluation, PrintWriter out) {
    String header =
        String.format(
            Locale.ROOT, "%-14s %9s %9s %9s %9s", "type", "precision", "recall", "f1", "support");
    out.println(header);
    for (Map.Entry<String, TypeScore> entry : evaluation.byType().entrySet()) {
      out.println(row(entry.getKey(), entry.getValue()));
    }
    out.println(row("overall", evaluation.overall()));
    for (Map.Entry<String, Integer> entry : evaluation.undetected().entrySet()) {
      out.println(
          String.format(
              Locale.ROOT,
              "%-14s %29s %9d",
              entry.getKey(),
              "no detector, not in overall",
              entry.getValue()));
    }
  }

  private static String row(String name, TypeScore score) {
    return String.format(
        Locale.ROOT,
        "%-14s %9.4f %9.4f %9.4f %9d",
        name,
        score.precision(),
        score.recall(),
        score.f1(),
        score.support());
  }
}
