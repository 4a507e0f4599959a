package dev.lookout.store.export;

import dev.lookout.store.StoreException;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives the call records of each finished UTC day as Parquet to an {@link ArchiveTarget}, under
 * {@code date=YYYY-MM-DD/}. A day the target has already is skipped, so a run may repeat.
 */
public final class DailyArchive {
  private static final Logger log = LoggerFactory.getLogger(DailyArchive.class);

  private final DuckDbCallStore store;
  private final ArchiveTarget target;

  public DailyArchive(DuckDbCallStore store, ArchiveTarget target) {
    this.store = store;
    this.target = target;
  }

  /**
   * Archives the day before {@code now}, unless the target has it already.
   *
   * <p>NOTE: only the previous day is tried, so a day whose run failed (target unreachable for a
   * whole day) stays unarchived; export it with {@code lookout export}.
   *
   * @return the number of records archived, 0 when the day was there already or had none
   */
  public long archiveYesterday(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
    String folderName = "date=" + day;
    if (target.has(folderName)) {
      return 0;
    }
    Path temporary;
    try {
      temporary = Files.createTempDirectory("lookout-archive");
    } catch (IOException e) {
      throw new StoreException("Creating a temporary folder for the archive failed: " + e, e);
    }
    try {
      Path export = temporary.resolve("export");
      Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      long rows = new Exporter(store).export(start, end, ExportFormat.PARQUET, true, export);
      if (rows > 0) {
        List<Path> files = Exporter.files(export);
        target.put(export, files);
        log.info("archive: {} call records of {} written to {}", rows, day, target.location());
      }
      return rows;
    } finally {
      deleteQuietly(temporary);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      log.warn("archive: deleting the temporary folder {} failed: {}", folder, e.toString());
    }
  }
}
