package dev.lookout.cli.guard;

import dev.lookout.cli.guard.injection.InjectionEvalCommand;
import dev.lookout.cli.guard.pii.PiiEvalCommand;
import java.io.PrintWriter;
import java.nio.file.Files;
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
  public Integer call() throws Exception {
    if (!Files.isRegularFile(data)) {
      throw new IllegalArgumentException(
          "--data " + data + " is not a file; pass a labelled JSONL file");
    }
    String chosenFormat = format.trim().toLowerCase(Locale.ROOT);
    if (!chosenFormat.equals("table") && !chosenFormat.equals("json")) {
      throw new IllegalArgumentException("--format must be table or json, got '" + format + "'");
    }
    boolean json = chosenFormat.equals("json");
    PrintWriter out = spec.commandLine().getOut();
    switch (kind.trim().toLowerCase(Locale.ROOT)) {
      case "injection":
        InjectionEvalCommand.run(data, json, out);
        break;
      case "pii":
        PiiEvalCommand.run(data, json, out);
        break;
      default:
        throw new IllegalArgumentException("--kind must be injection or pii, got '" + kind + "'");
    }
    out.flush();
    return 0;
  }
}
