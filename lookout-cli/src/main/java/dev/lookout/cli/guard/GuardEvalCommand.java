package dev.lookout.cli.guard;

import dev.lookout.cli.guard.injection.InjectionEvalCommand;
import dev.lookout.cli.guard.pii.PiiEvalCommand;
import dev.lookout.cli.input.InputFile;
import dev.lookout.cli.prices.OutputFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lookout guard eval --kind injection|pii --data FILE.jsonl [--format table|json]}. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a guard on labelled data: injection rows {text, label, source}, or PII rows",
      "{text, entities: [{type, start, end}]}. Prints precision, recall and F1."
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

  @Override
  public Integer call() {
    InputFile.requireFile("--data", data, "a labelled JSON-lines file");
    boolean json = OutputFormat.isJson(format);
    String chosenKind = kind.trim().toLowerCase(Locale.ROOT);
    if (!chosenKind.equals("injection") && !chosenKind.equals("pii")) {
      throw new IllegalArgumentException("--kind must be injection or pii, got '" + kind + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      if (chosenKind.equals("injection")) {
        InjectionEvalCommand.run(data, json, out);
      } else {
        PiiEvalCommand.run(data, json, out);
      }
    } catch (IOException e) {
      throw InputFile.readFailed("--data", data, e);
    }
    out.flush();
    return 0;
  }
}
