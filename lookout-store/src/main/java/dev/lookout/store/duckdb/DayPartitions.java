package dev.lookout.store.duckdb;

import dev.lookout.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole UTC days of call records, moved out of the hot table into Parquet files under {@code
 * <dataDir>/records/day=YYYY-MM-DD/}, so that retention deletes files and the disk space comes
 * back. Rows deleted from a DuckDB table free blocks for reuse but never shrink the file.
 *
 * <p>The table {@code record_parts} lists the files that hold records, by path relative to the data
 * folder. Sealing writes the files, adds them to that table, deletes their rows from the hot table
 * and replaces the {@code calls} view, all in one transaction, so a reader sees every record
 * exactly once and a crash before the commit leaves only files that no row of {@code record_parts}
 * names. Those are deleted the next time the store opens.
 */
final class DayPartitions {
  static final String PARTS_TABLE = "record_parts";

  /** Folder under the data folder that contains the day folders. */
  static final String FOLDER = "records";

  private static final Logger log = LoggerFactory.getLogger(DayPartitions.class);
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final Path dataDir;

  DayPartitions(Path dataDir) {
    this.dataDir = dataDir.toAbsolutePath();
  }

  /** One Parquet file of sealed records. */
  record Part(String path, LocalDate day, long records) {}

  /**
   * Creates the parts table when missing, deletes the day files it does not name (or adopts them
   * when the table is new), and sets the view.
   */
  void open(Connection connection) throws SQLException {
    boolean existed = tableExists(connection);
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + PARTS_TABLE
              + " (path VARCHAR PRIMARY KEY, day DATE NOT NULL, records BIGINT NOT NULL,"
              + " sealed_at TIMESTAMP_MS NOT NULL)");
    }
    if (existed) {
      deleteOrphans(parts(connection));
    } else {
      // A database without the parts table next to day files lost its file (or never had one):
      // the day files are then the only copy of their records, so they are adopted, not deleted.
      adoptDayFiles(connection);
    }
    refresh(connection);
  }

  /** Replaces the view with the readable day files, so a file that went missing drops out. */
  void refresh(Connection connection) throws SQLException {
    replaceView(connection, parts(connection));
  }

  /** Returns the sealed files, oldest day first. */
  List<Part> parts(Connection connection) throws SQLException {
    List<Part> parts = new ArrayList<>();
    String sql =
        "SELECT path, CAST(epoch(day) // 86400 AS BIGINT), records FROM "
            + PARTS_TABLE
            + " ORDER BY day, path";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        parts.add(
            new Part(rows.getString(1), LocalDate.ofEpochDay(rows.getLong(2)), rows.getLong(3)));
      }
    }
    return parts;
  }

  /**
   * Moves the hot records whose timestamp is before {@code cutoff} into one Parquet file per UTC
   * day, on a connection of its own so that appends go on meanwhile.
   *
   * @return the number of records moved
   */
  long seal(Connection connection, Instant cutoff) throws SQLException {
    List<Path> written = new ArrayList<>();
    connection.setAutoCommit(false);
    try {
      long moved = 0;
      for (long epochDay : hotDaysBefore(connection, cutoff)) {
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        long from = epochDay * MILLIS_PER_DAY;
        long until = Math.min(from + MILLIS_PER_DAY, cutoff.toEpochMilli());
        String relative = FOLDER + "/day=" + day + "/part-" + UUID.randomUUID() + ".parquet";
        Path target = dataDir.resolve(relative);
        Files.createDirectories(target.getParent());
        written.add(target);
        String range =
            " FROM "
                + CallsTable.HOT
                + " WHERE \"timestamp\" >= epoch_ms("
                + from
                + "::BIGINT) AND \"timestamp\" < epoch_ms("
                + until
                + "::BIGINT)";
        long records;
        try (Statement statement = connection.createStatement()) {
          statement.execute(
              "COPY (SELECT *"
                  + range
                  + " ORDER BY \"timestamp\", request_id) TO "
                  + literal(target.toString())
                  + " (FORMAT parquet, COMPRESSION zstd)");
          try (ResultSet rows = statement.executeQuery("SELECT count(*)" + range)) {
            rows.next();
            records = rows.getLong(1);
          }
        }
        listPart(connection, relative, day, records);
        moved += records;
        log.info("store: sealed {} call records of {} into {}", records, day, relative);
      }
      if (written.isEmpty()) {
        connection.rollback();
        connection.setAutoCommit(true);
        refresh(connection);
        return 0;
      }
      try (PreparedStatement delete =
          connection.prepareStatement(
              "DELETE FROM " + CallsTable.HOT + " WHERE \"timestamp\" < epoch_ms(?::BIGINT)")) {
        delete.setLong(1, cutoff.toEpochMilli());
        delete.executeUpdate();
      }
      refresh(connection);
      connection.commit();
      checkpoint(connection);
      return moved;
    } catch (SQLException | IOException | RuntimeException e) {
      rollbackQuietly(connection);
      written.forEach(DayPartitions::deleteQuietly);
      if (e instanceof SQLException sqlException) {
        throw sqlException;
      }
      throw new StoreException(
          "Sealing the call records before "
              + cutoff
              + " into "
              + dataDir.resolve(FOLDER)
              + " failed: "
              + e.getMessage()
              + ". Check that the folder is writable and has space;"
              + " the records stay in the hot table until the next try",
          e);
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /**
   * Drops the sealed days before {@code firstKept} and deletes the hot records before its start.
   *
   * @return the number of records removed
   */
  long dropBefore(Connection connection, LocalDate firstKept) throws SQLException {
    Instant cutoff = firstKept.atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Part> dropped = new ArrayList<>();
    long removed = 0;
    connection.setAutoCommit(false);
    try {
      List<Part> kept = new ArrayList<>();
      for (Part part : parts(connection)) {
        if (part.day().isBefore(firstKept)) {
          dropped.add(part);
          removed += part.records();
        } else {
          kept.add(part);
        }
      }
      try (PreparedStatement delete =
          connection.prepareStatement(
              "DELETE FROM " + PARTS_TABLE + " WHERE day < CAST(? AS DATE)")) {
        delete.setString(1, firstKept.toString());
        delete.executeUpdate();
      }
      try (PreparedStatement delete =
          connection.prepareStatement(
              "DELETE FROM " + CallsTable.HOT + " WHERE \"timestamp\" < epoch_ms(?::BIGINT)")) {
        delete.setLong(1, cutoff.toEpochMilli());
        removed += delete.executeUpdate();
      }
      replaceView(connection, kept);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection);
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    // After the commit no view names these files; a crash before they are gone leaves orphans,
    // which the next open deletes.
    for (Part part : dropped) {
      Path file = dataDir.resolve(part.path());
      deleteQuietly(file);
      deleteIfEmpty(file.getParent());
    }
    checkpoint(connection);
    return removed;
  }

  /** Returns the bytes of the sealed files on disk, for storage measurements. */
  long bytes(Connection connection) throws SQLException {
    long total = 0;
    for (Part part : parts(connection)) {
      Path file = dataDir.resolve(part.path());
      if (!Files.exists(file)) {
        // A missing file is reported where the view leaves it out; it takes no space.
        continue;
      }
      try {
        total += Files.size(file);
      } catch (IOException e) {
        throw new StoreException("Reading the size of " + file + " failed: " + e.getMessage(), e);
      }
    }
    return total;
  }

  private static void listPart(Connection connection, String relative, LocalDate day, long records)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + PARTS_TABLE
                + " VALUES (?, CAST(? AS DATE), ?, epoch_ms(?::BIGINT))")) {
      insert.setString(1, relative);
      insert.setString(2, day.toString());
      insert.setLong(3, records);
      insert.setLong(4, System.currentTimeMillis());
      insert.executeUpdate();
    }
  }

  private static List<Long> hotDaysBefore(Connection connection, Instant cutoff)
      throws SQLException {
    List<Long> days = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT DISTINCT CAST(floor(epoch_ms(\"timestamp\") / "
                + MILLIS_PER_DAY
                + ".0) AS BIGINT) AS day FROM "
                + CallsTable.HOT
                + " WHERE \"timestamp\" < epoch_ms(?::BIGINT) ORDER BY day")) {
      statement.setLong(1, cutoff.toEpochMilli());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          days.add(rows.getLong(1));
        }
      }
    }
    return days;
  }

  private void replaceView(Connection connection, List<Part> listed) throws SQLException {
    List<Part> parts = listed.stream().filter(this::readable).toList();
    String sql =
        "CREATE OR REPLACE VIEW " + CallsTable.NAME + " AS SELECT * FROM " + CallsTable.HOT;
    if (!parts.isEmpty()) {
      String files =
          parts.stream()
              .map(part -> literal(dataDir.resolve(part.path()).toString()))
              .collect(Collectors.joining(", "));
      sql += " UNION ALL SELECT " + CallsTable.castList() + " FROM read_parquet([" + files + "])";
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private void deleteOrphans(List<Part> parts) {
    Path folder = dataDir.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return;
    }
    Set<Path> known = new HashSet<>();
    parts.forEach(part -> known.add(dataDir.resolve(part.path()).normalize()));
    List<Path> orphans;
    try (Stream<Path> files = Files.walk(folder)) {
      orphans =
          files
              .filter(Files::isRegularFile)
              .filter(DayPartitions::isDayFile)
              .filter(file -> !known.contains(file.normalize()))
              .toList();
    } catch (IOException e) {
      log.warn("store: listing {} for unfinished day files failed: {}", folder, e.toString());
      return;
    }
    for (Path orphan : orphans) {
      log.warn(
          "store: deleting {}, a day file that no committed seal or a finished retention run"
              + " names",
          orphan);
      deleteQuietly(orphan);
      deleteIfEmpty(orphan.getParent());
    }
  }

  /**
   * Returns whether a listed day file can be read: it exists and ends with the Parquet magic bytes.
   * An unreadable one is left out of the view with an ERROR, so the other days stay readable. Its
   * row stays in the parts table: a restored file comes back at the next open or seal, and
   * retention still drops its day.
   */
  private boolean readable(Part part) {
    Path file = dataDir.resolve(part.path());
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
      long size = channel.size();
      java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(4);
      if (size >= 12 && channel.read(tail, size - 4) == 4 && "PAR1".equals(asText(tail))) {
        return true;
      }
      log.error(
          "store: day file {} is not a whole Parquet file ({} bytes), so its {} call records of {}"
              + " are left out of queries; restore it from a backup or move it aside",
          file,
          size,
          part.records(),
          part.day());
    } catch (IOException e) {
      log.error(
          "store: day file {} cannot be read ({}), so its {} call records of {} are left out of"
              + " queries; restore it from a backup, or let retention drop its day",
          file,
          e.toString(),
          part.records(),
          part.day());
    }
    return false;
  }

  private static String asText(java.nio.ByteBuffer bytes) {
    return new String(bytes.array(), java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Returns whether {@code file} is named as this class names day files. */
  private static boolean isDayFile(Path file) {
    Path parent = file.getParent();
    return file.getFileName().toString().matches("part-[0-9a-f-]{36}\\.parquet")
        && parent != null
        && parent.getFileName().toString().matches("day=\\d{4}-\\d{2}-\\d{2}");
  }

  private boolean tableExists(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'"
                    + " AND table_name = '"
                    + PARTS_TABLE
                    + "'")) {
      rows.next();
      return rows.getLong(1) > 0;
    }
  }

  private void adoptDayFiles(Connection connection) throws SQLException {
    Path folder = dataDir.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> found = Files.walk(folder)) {
      files = found.filter(Files::isRegularFile).filter(DayPartitions::isDayFile).sorted().toList();
    } catch (IOException e) {
      throw new StoreException(
          "Listing the day files in " + folder + " failed: " + e.getMessage(), e);
    }
    for (Path file : files) {
      String relative = dataDir.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
      LocalDate day = LocalDate.parse(file.getParent().getFileName().toString().substring(4));
      long records;
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT count(*) FROM read_parquet(" + literal(file.toString()) + ")")) {
        rows.next();
        records = rows.getLong(1);
      } catch (SQLException e) {
        log.error(
            "store: day file {} has no readable records ({}); it is left in place but not adopted",
            file,
            e.getMessage());
        continue;
      }
      listPart(connection, relative, day, records);
      log.warn(
          "store: adopted day file {} ({} call records of {}): the database had no list of day"
              + " files, so it is new or was replaced",
          file,
          records,
          day);
    }
  }

  private static void checkpoint(Connection connection) {
    // Lets DuckDB reuse the blocks of the deleted rows now. It refuses while another connection
    // has uncommitted changes; the automatic checkpoint then does it later.
    try (Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    } catch (SQLException e) {
      log.debug("store: checkpoint after moving records deferred: {}", e.getMessage());
    }
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      log.warn("store: rolling back a day-file change failed: {}", e.toString());
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("store: deleting {} failed: {}", file, e.toString());
    }
  }

  private static void deleteIfEmpty(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      if (entries.findAny().isEmpty()) {
        Files.deleteIfExists(folder);
      }
    } catch (IOException e) {
      log.debug("store: removing the empty folder {} failed: {}", folder, e.toString());
    }
  }
}
