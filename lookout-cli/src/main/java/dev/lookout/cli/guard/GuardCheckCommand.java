package dev.lookout.cli.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.cli.input.InputFile;
import dev.lookout.cli.prices.OutputFormat;
import dev.lookout.core.guard.Direction;
import dev.lookout.core.guard.GuardOutcome;
import dev.lookout.core.guard.GuardPipeline;
import dev.lookout.core.guard.injection.InjectionClassifier;
import dev.lookout.core.guard.injection.InjectionGuard;
import dev.lookout.core.guard.pii.PiiDetector;
import dev.lookout.core.guard.pii.PiiGuard;
import dev.lookout.core.guard.pii.PiiRedactor;
import dev.lookout.core.guard.pii.RedactionMode;
import dev.lookout.core.io.StrictUtf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lookout guard check [--text TEXT | FILE | -] [--direction input|output]}: runs the default
 * guards (injection, then PII redaction) on one text and prints the action, the reasons and the
 * resulting text.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Run the default guards on a text and print the action, reasons and text.")
public final class GuardCheckCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--text", paramLabel = "TEXT", description = "The text to check.")
  String text;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "File holding the text, or - for standard input.")
  String file;

  @Option(
      names = "--direction",
      paramLabel = "DIRECTION",
      description = "input (a prompt) or output (a response) (default: input).")
  String direction = "input";

  @Option(
      names = "--phone-regions",
      split = ",",
      paramLabel = "CODES",
      description = PhoneRegions.HELP)
  List<String> phoneRegions;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table or json (default: table).")
  String format = "table";

  @Override
  public Integer call() throws Exception {
    boolean json = OutputFormat.isJson(format);
    Direction chosen = parseDirection(direction);
    String input = readText();
    InjectionGuard injection = InjectionGuard.builtIn();
    PiiGuard pii =
        new PiiGuard(
            PiiDetector.withTypes(PiiDetector.DEFAULT_TYPES, PhoneRegions.parse(phoneRegions)),
            new PiiRedactor(RedactionMode.PLACEHOLDER, null));
    GuardPipeline pipeline = new GuardPipeline(List.of(injection, pii), List.of(pii));
    GuardOutcome outcome = pipeline.check(input, chosen);
    // The score is shown on a pass too, so that a user can see how near a text is to a block.
    Double score =
        chosen == Direction.INPUT ? InjectionClassifier.builtIn().maxWindow(input).score() : null;
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode node = JSON.createObjectNode();
      node.put("action", outcome.action().wireName());
      outcome.reasons().forEach(node.putArray("reasons")::add);
      if (outcome.reasons().isEmpty()) {
        node.putArray("reasons");
      }
      node.put("text", outcome.text());
      if (score != null) {
        node.put("injection_score", round(score));
        node.put("injection_threshold", round(injection.threshold()));
      }
      out.println(node);
    } else {
      out.println("action: " + outcome.action().wireName());
      out.println("reasons: " + (outcome.reasons().isEmpty() ? "-" : outcome.reasons()));
      if (score != null) {
        out.printf(
            Locale.ROOT, "injection score: %.4f (blocks at %.4f)%n", score, injection.threshold());
      }
      out.println("text: " + outcome.text());
    }
    out.flush();
    return 0;
  }

  private String readText() throws IOException {
    if (text != null && file != null) {
      throw new IllegalArgumentException("Pass either --text or FILE, not both");
    }
    if (text != null) {
      if (text.isEmpty()) {
        throw new IllegalArgumentException(
            "--text is empty: pass the text to check, a FILE, or - for standard input");
      }
      return text;
    }
    if (file == null || file.equals("-")) {
      return readStandardInput(System.in);
    }
    Path path = Path.of(file);
    InputFile.requireFile("FILE", path, "a text file, --text TEXT or - for standard input");
    String content;
    try {
      content = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw InputFile.readFailed("FILE", path, e);
    }
    if (content.isEmpty()) {
      throw new IllegalArgumentException(
          "FILE " + path.toAbsolutePath() + " is empty: write the text to check into it");
    }
    return content;
  }

  /** Returns {@code value} rounded to 4 decimals, the precision the threshold is chosen at. */
  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  /**
   * Returns standard input decoded as UTF-8, rejecting invalid bytes rather than replacing them, so
   * that the guards never check a text other than the one given.
   */
  static String readStandardInput(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    if (bytes.length == 0) {
      throw new IllegalArgumentException(
          "Standard input is empty: pipe the text to check, or pass --text TEXT or a FILE");
    }
    try {
      return StrictUtf8.decode(bytes);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "Standard input is not valid UTF-8 ("
              + e.getMessage()
              + "); convert it to UTF-8, for example with iconv, and try again",
          e);
    }
  }

  private static Direction parseDirection(String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "input":
        return Direction.INPUT;
      case "output":
        return Direction.OUTPUT;
      default:
        throw new IllegalArgumentException(
            "--direction must be input or output, got '" + value + "'");
    }
  }
}
