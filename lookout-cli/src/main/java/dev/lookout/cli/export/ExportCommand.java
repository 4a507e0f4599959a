package dev.lookout.cli.export;

import dev.lookout.cli.config.ServeConfig;
import dev.lookout.cli.config.StoreOptions;
import dev.lookout.core.time.DurationText;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.export.ArchiveTarget;
import dev.lookout.store.export.ExportFormat;
import dev.lookout.store.export.Exporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lookout export}: writes the call records of a time range as Parquet or JSON lines,
 * partitioned by UTC day, to a folder or an S3 prefix.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write call records to a folder or s3://bucket/prefix, one subfolder date=YYYY-MM-DD per day.",
      "Reads the call store directly, so stop the gateway that holds it first."
    })
public final class ExportCommand implements Callable<Integer> {
  @Option(
      names = "--since",
      required = true,
      paramLabel = "TIME",
      description =
          "First time exported: 2026-12-01, 2026-12-01T08:00:00Z, or a duration ago (7d).")
  String since;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      description = "End of the range, not included; same forms as --since (default: now).")
  String until;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "parquet or jsonl (default: parquet).")
  String format = "parquet";

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR|s3://BUCKET/PREFIX",
      description = "An empty or new folder, or an S3 location (endpoint from payloads: settings).")
  String to;

  @Option(
      names = "--payload-keys",
      description = "Add the payload_key column: each call's key in the payload store.")
  boolean payloadKeys;

  @Mixin StoreOptions store = new StoreOptions();

  @Override
  public Integer call() throws IOException {
    Instant now = Instant.now();
    Instant from = time("--since", since, now);
    Instant end = until == null ? now : time("--until", until, now);
    ExportFormat exportFormat = ExportFormat.parse(format);
    ServeConfig config = store.load();
    Path data = StoreOptions.existingDataDir(config);
    boolean toS3 = to.startsWith("s3://");
    Path folder = toS3 ? Files.createTempDirectory("lookout-export") : Path.of(to);
    StoreOptions.quietStoreLogs();
    long rows;
    try (DuckDbCallStore callStore = DuckDbCallStore.open(data)) {
      rows = new Exporter(callStore).export(from, end, exportFormat, payloadKeys, folder);
    }
    List<Path> files = Exporter.files(folder);
    if (toS3) {
      ArchiveTarget.of(to, config.payloads().s3()).put(folder, files);
      deleteTree(folder);
    }
    System.out.println(
        "Exported "
            + rows
            + " call records from "
            + from
            + " to "
            + end
            + " into "
            + files.size()
            + (files.size() == 1 ? " file under " : " files under ")
            + (toS3 ? to : folder.toAbsolutePath()));
    return 0;
  }

  /** Parses an ISO date (UTC midnight), an ISO instant, or a duration before {@code now}. */
  static Instant time(String option, String text, Instant now) {
    String value = text.trim();
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      // Not an instant; try the other forms.
    }
    try {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      // Not a date; try a duration.
    }
    try {
      return now.minus(DurationText.parse(option, value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          option
              + " must be a date (2026-12-01), a UTC time (2026-12-01T08:00:00Z) or a duration ago"
              + " (7d, at most 36500d), got '"
              + text
              + "'",
          e);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
