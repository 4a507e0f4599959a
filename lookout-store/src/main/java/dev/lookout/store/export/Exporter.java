package dev.lookout.store.export;

import dev.lookout.store.StoreException;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the call records of a time range to a folder, partitioned by UTC day in Hive style ({@code
 * date=2026-12-04/data_0.parquet}), with DuckDB's {@code COPY ... (PARTITION_BY (date))}. The
 * columns are those of the calls table plus {@code date}, and {@code payload_key} when asked.
 */
public final class Exporter {
  private static final Logger log = LoggerFactory.getLogger(Exporter.class);

  /**
   * SQL of the payload key of a UUIDv7 request id, as {@code PayloadKeys.of} computes it: the first
   * 48 bits of the id are its creation time in Unix milliseconds.
   */
  private static final String PAYLOAD_KEY =
      "CASE WHEN regexp_matches(request_id, '^[0-9a-f]{8}-[0-9a-f]{4}-7') THEN"
          + " strftime(epoch_ms(('0x' || substr(replace(request_id, '-', ''), 1, 12))::BIGINT),"
          + " '%Y-%m-%d/%H/') || request_id || '.json.gz' END";

  private final DuckDbCallStore store;

  public Exporter(DuckDbCallStore store) {
    this.store = store;
  }

  /**
   * Exports the records with {@code since <= timestamp < until} into {@code folder}, which must be
   * empty or missing.
   *
   * @param payloadKeys whether to add the {@code payload_key} column
   * @return the number of records exported
   * @throws IllegalArgumentException if the folder has files already
   */
  public long export(
      Instant since, Instant until, ExportFormat format, boolean payloadKeys, Path folder) {
    if (!until.isAfter(since)) {
      throw new IllegalArgumentException(
          "--until (" + until + ") must be after --since (" + since + ")");
    }
    checkEmpty(folder);
    String range =
        " WHERE \"timestamp\" >= epoch_ms("
            + since.toEpochMilli()
            + ") AND \"timestamp\" < epoch_ms("
            + until.toEpochMilli()
            + ")";
    String select =
        "SELECT *, CAST(\"timestamp\" AS DATE) AS date"
            + (payloadKeys ? ", " + PAYLOAD_KEY + " AS payload_key" : "")
            + " FROM calls"
            + range
            + " ORDER BY \"timestamp\", request_id";
    String copy =
        "COPY ("
            + select
            + ") TO '"
            + folder.toAbsolutePath().toString().replace("'", "''")
            + "' (FORMAT "
            + format.duckDbFormat()
            + ", PARTITION_BY (date), OVERWRITE_OR_IGNORE)";
    long rows =
        store.withConnection(
            "Exporting the call records to " + folder,
            connection -> {
              try (Statement statement = connection.createStatement()) {
                return (long) statement.executeUpdate(copy);
              }
            });
    log.info("export: wrote {} call records to {} as {}", rows, folder, format);
    return rows;
  }

  /** Returns the files an export wrote into {@code folder}, relative to it. */
  public static List<Path> files(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
    } catch (IOException e) {
      throw new StoreException("Listing the export folder " + folder + " failed: " + e, e);
    }
  }

  private static void checkEmpty(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException(
            "Export folder "
                + folder.toAbsolutePath()
                + " is not empty; choose a new folder so no earlier export is mixed in");
      }
    } catch (IOException e) {
      throw new StoreException("Reading the export folder " + folder + " failed: " + e, e);
    }
  }
}
