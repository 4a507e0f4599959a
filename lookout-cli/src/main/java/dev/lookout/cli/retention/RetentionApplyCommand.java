package dev.lookout.cli.retention;

import dev.lookout.cli.config.ServeConfig;
import dev.lookout.cli.config.StoreOptions;
import dev.lookout.core.time.DurationText;
import dev.lookout.store.duckdb.DuckDbCallStore;
import dev.lookout.store.payload.PayloadStore;
import dev.lookout.store.retention.Retention;
import dev.lookout.store.retention.RetentionPolicy;
import dev.lookout.store.retention.RetentionResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lookout retention apply}: applies {@code retention:} of {@code lookout.yaml} (or the
 * periods given as flags) to a stopped gateway's data folder now.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Delete the call records and payload days older than their retention periods.",
      "The gateway holds the call store while it runs and applies retention itself once a day."
    })
public final class RetentionApplyCommand implements Callable<Integer> {
  @Option(names = "--dry-run", description = "Print what would be deleted, and delete nothing.")
  boolean dryRun;

  @Option(
      names = "--records",
      paramLabel = "PERIOD",
      description = "Keep call records this long, e.g. 400d (default: retention.records).")
  String records;

  @Option(
      names = "--payloads",
      paramLabel = "PERIOD",
      description = "Keep payloads this long, e.g. 30d (default: retention.payloads).")
  String payloads;

  @Mixin StoreOptions store = new StoreOptions();

  @Override
  public Integer call() {
    ServeConfig config = store.load();
    RetentionPolicy configured = config.payloads().retention();
    RetentionPolicy policy =
        new RetentionPolicy(
            records == null ? configured.records() : DurationText.parse("--records", records),
            payloads == null ? configured.payloads() : DurationText.parse("--payloads", payloads));
    if (!policy.active()) {
      System.out.println(
          "Nothing to do: no retention period is set. Set retention.records or"
              + " retention.payloads in lookout.yaml, or pass --records or --payloads");
      return 0;
    }

    StoreOptions.quietStoreLogs();
    Path data = StoreOptions.existingDataDir(config);
    RetentionResult result;
    String sizes = null;
    try (PayloadStore payloadStore = config.payloads().openStore(data);
        DuckDbCallStore callStore = policy.records() == null ? null : DuckDbCallStore.open(data)) {
      long sealedBefore = callStore == null ? 0 : callStore.sealedBytes();
      long fileBefore = callStore == null ? 0 : Files.size(callStore.file());
      result = new Retention(policy).apply(callStore, payloadStore, Instant.now(), dryRun);
      if (callStore != null && !dryRun) {
        sizes =
            "Records on disk in "
                + data.toAbsolutePath()
                + ": day files "
                + sealedBefore
                + " bytes before, "
                + callStore.sealedBytes()
                + " after; "
                + DuckDbCallStore.FILE_NAME
                + " "
                + fileBefore
                + " bytes before, "
                + Files.size(callStore.file())
                + " after";
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the size of the call store failed: " + e, e);
    }

    System.out.println(result.summary());
    if (sizes != null) {
      System.out.println(sizes);
    }
    return 0;
  }
}
