package dev.lookout.cli.guard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.cli.guard.injection.InjectionEvalCommand;
import dev.lookout.cli.guard.pii.PiiEvalCommand;
import dev.lookout.cli.input.InputFile;
import dev.lookout.cli.prices.OutputFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lookout guard eval --kind injection|pii --data FILE.jsonl [--format table|json] [--errors
 * FILE]}.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a guard on labelled data and print precision, recall and F1.",
      "Injection rows: {text, label, source}. PII rows: {text, entities: [{type, start, end}]}."
    })
public final class GuardEvalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--kind", required = true, paramLabel = "KIND", description = "injection or pii.")
  String kind;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled JSONL.")
  Path data;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table or json (default: table).")
  String format = "table";

  @Option(
      names = "--phone-regions",
      split = ",",
      paramLabel = "CODES",
      description = "For --kind pii. " + PhoneRegions.HELP)
  List<String> phoneRegions;

  @Option(
      names = "--errors",
      paramLabel = "FILE",
      description = "Also write each row the guard got wrong to FILE, as JSON lines.")
  Path errors;

  @Override
  public Integer call() {
    InputFile.requireFile("--data", data, "a labelled JSON-lines file");
    boolean json = OutputFormat.isJson(format);
    String chosenKind = kind.trim().toLowerCase(Locale.ROOT);
    if (!chosenKind.equals("injection") && !chosenKind.equals("pii")) {
      throw new IllegalArgumentException("--kind must be injection or pii, got '" + kind + "'");
    }
    if (phoneRegions != null && !chosenKind.equals("pii")) {
      throw new IllegalArgumentException(
          "--phone-regions applies to --kind pii only; remove it or pass --kind pii");
    }
    List<String> regions = PhoneRegions.parse(phoneRegions);
    if (errors != null) {
      EvalErrors.requireWritable(errors, data);
    }
    PrintWriter out = spec.commandLine().getOut();
    List<ObjectNode> misses;
    try {
      if (chosenKind.equals("injection")) {
        misses = InjectionEvalCommand.run(data, json, out);
      } else {
        misses = PiiEvalCommand.run(data, json, out, regions);
      }
    } catch (IOException e) {
      throw InputFile.readFailed("--data", data, e);
    }
    out.flush();
    if (errors != null) {
      EvalErrors.write(errors, misses);
      // Standard error, so that the JSON report on standard output stays one document.
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "Wrote "
              + misses.size()
              + (misses.size() == 1 ? " row" : " rows")
              + " the guard got wrong to "
              + errors.toAbsolutePath());
      err.flush();
    }
    return 0;
  }
}
