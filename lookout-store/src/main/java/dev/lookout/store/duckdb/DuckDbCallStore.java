package dev.lookout.store.duckdb;

import dev.lookout.core.record.CallRecord;
import dev.lookout.store.CallStore;
import dev.lookout.store.OwnerSpend;
import dev.lookout.store.StoreException;
import dev.lookout.store.StoreUnavailableException;
import dev.lookout.store.report.Report;
import dev.lookout.store.report.ReportQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CallStore} in an embedded DuckDB file, {@code <dataDir>/lookout.duckdb}.
 *
 * <p>Appends go through one writer connection, serialized by this object's monitor, and write with
 * DuckDB's appender, whose every chunk of 2,048 rows commits on its own. Each read opens its own
 * connection with {@link DuckDBConnection#duplicate()} of a root connection that runs no statements
 * itself, so reports run while a batch is being written. DuckDB lets only one process at a time
 * open the file, so a second process gets a {@link StoreException} that names the file and the fix.
 *
 * <p>Request ids are not a primary key: the gateway makes each one a fresh UUIDv7, and keeping an
 * index on them cut the append rate by a quarter. The one way a batch can repeat stored ids is the
 * retry of a batch that failed part way, so an append that contains ids of a failed one skips the
 * ids already stored.
 */
public final class DuckDbCallStore implements CallStore {
  /** Name of the database file inside the data folder. */
  public static final String FILE_NAME = "lookout.duckdb";

  private static final Logger log = LoggerFactory.getLogger(DuckDbCallStore.class);

  /** Table of one row at most, written by {@link #probeWrite}. */
  private static final String WRITE_PROBE_TABLE = "lookout_write_probe";

  /** Parts of DuckDB's messages, lower case, that blame the disk or the database, not a record. */
  private static final List<String> STORE_FAULT_SIGNS =
      List.of(
          "io error",
          "fatal error",
          "invalidated",
          "no space left",
          "could not write",
          "could not remove",
          "permission denied",
          "operation not permitted",
          "read-only",
          "out of memory");

  /** Size of the write-ahead log at which DuckDB checkpoints the database file. */
  static final String CHECKPOINT_THRESHOLD = "64MB";

  private final Path file;
  private final DuckDBConnection root;
  private final DuckDBConnection writer;
  private final DayPartitions partitions;
  // Request ids of failed appends, which may be partly stored. The recorder retries a failed batch,
  // alone or record by record, before it takes new records, so a direct append that succeeds
  // clears them. Guarded by this object's monitor, like every append.
  private final Set<String> unsureIds = new HashSet<>();
  private volatile boolean closed;

  private DuckDbCallStore(
      Path file, DuckDBConnection root, DuckDBConnection writer, DayPartitions partitions) {
    this.file = file;
    this.root = root;
    this.writer = writer;
    this.partitions = partitions;
  }

  /**
   * Opens the store in {@code dataDir}, creating the folder, the file and the table as needed.
   *
   * @throws StoreException if the folder cannot be created, the file is locked by another process,
   *     or its table has columns other than this version expects
   */
  public static DuckDbCallStore open(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException(
          "Creating the data folder "
              + dataDir.toAbsolutePath()
              + " failed: "
              + e.getMessage()
              + ". Check that its parent folder is writable, or choose another data folder",
          e);
    }

    Properties properties = new Properties();
    // Nothing may download at run time, and json and parquet are built into the driver.
    properties.setProperty("autoinstall_known_extensions", "false");
    properties.setProperty("autoload_known_extensions", "false");
    DuckDBConnection root;
    try {
      root =
          DriverManager.getConnection("jdbc:duckdb:" + file, properties)
              .unwrap(DuckDBConnection.class);
    } catch (SQLException e) {
      throw openFailure(file, e);
    }

    DuckDBConnection writer = null;
    DayPartitions partitions = new DayPartitions(dataDir);
    try {
      writer = root.duplicate();
      try (Statement statement = writer.createStatement()) {
        // Day files never change once written, so their Parquet footers can be cached: a look-up
        // by request id over 120 day files took 11 to 16 ms with the cache, 20 to 35 ms without.
        statement.execute("SET GLOBAL parquet_metadata_cache = true");
        // DuckDB checkpoints once the write-ahead log passes this size, and each checkpoint
        // compresses the open row group again. 1,000,000 recorder-shaped rows appended at 91,000
        // to 94,000 rows/s with the default 16 MB and 127,000 to 171,000 with 32 or 64 MB. The
        // price is a longer log to replay after a crash.
        statement.execute("SET GLOBAL checkpoint_threshold = '" + CHECKPOINT_THRESHOLD + "'");
      }
      CallsTable.create(writer, file);
      partitions.open(writer);
    } catch (SQLException | RuntimeException e) {
      if (writer != null) {
        closeQuietly(writer);
      }
      closeQuietly(root);
      if (e instanceof StoreException storeException) {
        throw storeException;
      }
      throw new StoreException(
          "Creating the calls table in " + file + " failed: " + e.getMessage(), e);
    }

    log.info("store: opened {}", file);
    return new DuckDbCallStore(file, root, writer, partitions);
  }

  /**
   * Returns a new connection to the database, for the other tables in the same file (feedback,
   * drift baselines and results). The caller closes it; it fails once the store is closed.
   *
   * @throws SQLException if DuckDB cannot open the connection
   */
  public DuckDBConnection connect() throws SQLException {
    checkOpen();
    return root.duplicate();
  }

  /** Returns the absolute path of the database file. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized int append(List<CallRecord> batch) {
    checkOpen();
    if (batch.isEmpty()) {
      return 0;
    }
    try {
      if (containsUnsure(batch)) {
        return appendSkippingDuplicates(batch);
      }
      appendDirect(batch);
      unsureIds.clear();
      return batch.size();
    } catch (SQLException e) {
      if (!isDuplicateKey(e)) {
        markUnsure(batch);
        throw appendFailure(batch, e);
      }
      // A file written by an earlier version has a primary key on request_id, which rejects a
      // repeated id. Skip those rows and keep the others.
      try {
        return appendSkippingDuplicates(batch);
      } catch (SQLException retryFailure) {
        markUnsure(batch);
        throw appendFailure(batch, retryFailure);
      }
    } catch (RuntimeException e) {
      markUnsure(batch);
      throw e;
    }
  }

  private boolean containsUnsure(List<CallRecord> batch) {
    if (unsureIds.isEmpty()) {
      return false;
    }
    for (CallRecord record : batch) {
      if (unsureIds.contains(record.requestId())) {
        return true;
      }
    }
    return false;
  }

  private void markUnsure(List<CallRecord> batch) {
    for (CallRecord record : batch) {
      unsureIds.add(record.requestId());
    }
  }

  /**
   * Appends with no transaction around the batch. In duckdb_jdbc 2.0.0.1 the appender commits each
   * chunk of 2,048 rows on its own unless a statement has begun a transaction. Appends inside such
   * a transaction ran a fifth slower: 71,000 to 84,000 rows/s against 102,000 to 109,000.
   */
  private void appendDirect(List<CallRecord> batch) throws SQLException {
    try (DuckDBAppender appender =
        writer.createAppender(DuckDBConnection.DEFAULT_SCHEMA, CallsTable.HOT)) {
      for (CallRecord record : batch) {
        CallRecordRows.append(appender, record);
      }
      // Flush explicitly: in duckdb_jdbc 2.0.0.1, close() does not report a failed flush.
      appender.flush();
    }
  }

  /**
   * Appends the records whose ids are not stored yet, each id once, and returns their number. No
   * transaction is opened, so a failure cannot leave the writer connection inside one.
   */
  private int appendSkippingDuplicates(List<CallRecord> batch) throws SQLException {
    Set<String> stored = storedIds(batch);
    Map<String, CallRecord> fresh = new LinkedHashMap<>();
    for (CallRecord record : batch) {
      if (!stored.contains(record.requestId())) {
        fresh.putIfAbsent(record.requestId(), record);
      }
    }
    if (!fresh.isEmpty()) {
      appendDirect(new ArrayList<>(fresh.values()));
    }
    // One by one, the recorder retries every record of a failed batch, so single skips are not
    // logged: they would add one line per record.
    if (fresh.size() < batch.size() && batch.size() > 1) {
      log.warn(
          "store: skipped {} of {} call records because their request_id is already stored",
          batch.size() - fresh.size(),
          batch.size());
    }
    return fresh.size();
  }

  /**
   * Returns the ids of {@code batch} already in the hot table. A stored copy has the record's own
   * timestamp, so the look-up reads only the row groups of the batch's time range.
   */
  private Set<String> storedIds(List<CallRecord> batch) throws SQLException {
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (CallRecord record : batch) {
      long millis = record.timestamp().toEpochMilli();
      from = Math.min(from, millis);
      to = Math.max(to, millis);
    }
    String sql =
        "SELECT request_id FROM "
            + CallsTable.HOT
            + " WHERE \"timestamp\" BETWEEN epoch_ms(?::BIGINT) AND epoch_ms(?::BIGINT)"
            + " AND request_id IN ("
            + String.join(", ", Collections.nCopies(batch.size(), "?"))
            + ")";
    Set<String> stored = new HashSet<>();
    try (PreparedStatement select = writer.prepareStatement(sql)) {
      select.setLong(1, from);
      select.setLong(2, to);
      for (int i = 0; i < batch.size(); i++) {
        select.setString(i + 3, batch.get(i).requestId());
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          stored.add(rows.getString(1));
        }
      }
    }
    return stored;
  }

  @Override
  public synchronized void probeWrite() {
    checkOpen();
    try (Statement statement = writer.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS " + WRITE_PROBE_TABLE + " (probed_at TIMESTAMP)");
      statement.execute("INSERT INTO " + WRITE_PROBE_TABLE + " VALUES (now())");
      statement.execute("DELETE FROM " + WRITE_PROBE_TABLE);
    } catch (SQLException e) {
      throw new StoreUnavailableException(
          "Writing to "
              + file
              + " failed: "
              + e.getMessage()
              + ". Check the free space and permissions of its folder",
          e);
    }
  }

  @Override
  public Report report(ReportQuery query) {
    return read("Running the report " + query, connection -> ReportSql.run(connection, query));
  }

  @Override
  public List<OwnerSpend> spendByOwner(Instant since) {
    String sql =
        "SELECT api_key_id, user_id, CAST(\"timestamp\" AS DATE) AS day, sum(cost_usd) FROM "
            + CallsTable.NAME
            + " WHERE cost_usd IS NOT NULL AND \"timestamp\" >= epoch_ms(?::BIGINT) GROUP BY ALL";
    return read(
        "Summing spend since " + since,
        connection -> {
          List<OwnerSpend> rows = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, since.toEpochMilli());
            try (ResultSet result = statement.executeQuery()) {
              while (result.next()) {
                rows.add(
                    new OwnerSpend(
                        result.getString(1),
                        result.getString(2),
                        result.getObject(3, LocalDate.class),
                        result.getBigDecimal(4)));
              }
            }
          }
          return rows;
        });
  }

  @Override
  public long count() {
    return read(
        "Counting the call records",
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + CallsTable.NAME)) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  @Override
  public Optional<CallRecord> find(String requestId) {
    String sql =
        "SELECT " + CallsTable.selectList() + " FROM " + CallsTable.NAME + " WHERE request_id = ?";
    return read(
        "Finding the call record " + requestId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, requestId);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.of(CallRecordRows.read(rows)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<CallRecord> recent(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException(
          "Invalid limit " + limit + " for recent call records: it must be 0 or more");
    }
    String sql =
        "SELECT "
            + CallsTable.selectList()
            + " FROM "
            + CallsTable.NAME
            + " ORDER BY \"timestamp\" DESC, request_id DESC LIMIT ?";
    return read(
        "Reading the " + limit + " most recent call records",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            List<CallRecord> records = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                records.add(CallRecordRows.read(rows));
              }
            }
            return records;
          }
        });
  }

  /**
   * Moves the records of every UTC day before {@code firstHotDay} out of the hot table into one
   * Parquet file per day, so that {@link #dropDaysBefore} can later delete them as files. Appends
   * go on meanwhile; a record of a sealed day that arrives later goes into another file of its day
   * at the next seal.
   *
   * @return the number of records moved
   */
  public long sealDaysBefore(LocalDate firstHotDay) {
    checkOpen();
    Instant cutoff = firstHotDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    try (Connection connection = root.duplicate()) {
      return partitions.seal(connection, cutoff);
    } catch (SQLException e) {
      throw new StoreException(
          "Sealing the call records before " + firstHotDay + " in " + file + " failed: " + e, e);
    }
  }

  /**
   * Deletes the records of the UTC days before {@code firstKept}: whole day files, and the rows of
   * those days still in the hot table.
   *
   * @return the number of records deleted
   */
  public long dropDaysBefore(LocalDate firstKept) {
    checkOpen();
    try (Connection connection = root.duplicate()) {
      return partitions.dropBefore(connection, firstKept);
    } catch (SQLException e) {
      throw new StoreException(
          "Deleting the call records before " + firstKept + " from " + file + " failed: " + e, e);
    }
  }

  /** Returns the days that have sealed files, oldest first, each once. */
  public List<LocalDate> sealedDays() {
    return read(
        "Listing the sealed days",
        connection ->
            partitions.parts(connection).stream().map(DayPartitions.Part::day).distinct().toList());
  }

  /** Returns the bytes of the sealed day files. */
  public long sealedBytes() {
    return read("Measuring the sealed day files", partitions::bytes);
  }

  /** Returns the bytes on disk of the records: the database file plus the sealed day files. */
  public long bytesOnDisk() {
    try {
      return Files.size(file) + sealedBytes();
    } catch (IOException e) {
      throw new StoreException("Reading the size of " + file + " failed: " + e, e);
    }
  }

  /** Returns the number of records whose timestamp is before {@code cutoff}. */
  public long countBefore(Instant cutoff) {
    String sql =
        "SELECT count(*) FROM " + CallsTable.NAME + " WHERE \"timestamp\" < epoch_ms(?::BIGINT)";
    return read(
        "Counting the call records before " + cutoff,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, cutoff.toEpochMilli());
            try (ResultSet rows = statement.executeQuery()) {
              rows.next();
              return rows.getLong(1);
            }
          }
        });
  }

  /**
   * Runs {@code work} on a new connection to the database, for exports and measurements; the table
   * of records is {@code calls}.
   */
  public <T> T withConnection(String description, Query<T> work) {
    return read(description, work);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.close();
      root.close();
      log.info("store: closed {}", file);
    } catch (SQLException e) {
      throw new StoreException("Closing " + file + " failed: " + e.getMessage(), e);
    }
  }

  /** Work on a JDBC connection to the store's database. */
  @FunctionalInterface
  public interface Query<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code query} on a fresh read connection; used by the queries of this package. */
  <T> T read(String description, Query<T> query) {
    checkOpen();
    try (Connection connection = root.duplicate()) {
      return query.run(connection);
    } catch (SQLException e) {
      throw new StoreException(description + " in " + file + " failed: " + e.getMessage(), e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StoreException(
          "The call store " + file + " is closed. Open it again with DuckDbCallStore.open");
    }
  }

  private StoreException appendFailure(List<CallRecord> batch, SQLException e) {
    String message =
        "Appending a batch of "
            + batch.size()
            + " call records to "
            + file
            + " failed: "
            + e.getMessage();
    if (String.valueOf(e.getMessage()).contains("invalidated")) {
      // NOTE: the store does not reopen the database, so only a restart resumes recording.
      return new StoreUnavailableException(
          message
              + ". DuckDB takes no more writes to this file until it is opened again: fix the"
              + " cause above and restart Lookout. The recorder keeps retrying this batch, and its"
              + " full queue drops and counts newer records",
          e);
    }
    if (isStoreFault(e)) {
      return new StoreUnavailableException(
          message
              + ". Free space or fix the permissions of its folder. The batch is kept for retries",
          e);
    }
    return new StoreException(message, e);
  }

  /**
   * Returns whether DuckDB failed for a reason outside the records: the disk, the file system, its
   * memory, or a database it invalidated after such an error.
   */
  static boolean isStoreFault(SQLException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    for (String sign : STORE_FAULT_SIGNS) {
      if (message.contains(sign)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDuplicateKey(SQLException e) {
    // duckdb_jdbc 2.0.0.1 words it "PRIMARY KEY or UNIQUE constraint violation: duplicate key".
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("duplicate key") || message.contains("constraint violation");
  }

  private static StoreException openFailure(Path file, SQLException e) {
    String message = String.valueOf(e.getMessage());
    // DuckDB 1.x words a lock held by another process as "Could not set lock on file".
    if (message.contains("Could not set lock")) {
      return new StoreException(
          "Opening "
              + file
              + " failed because another process holds its lock, probably a running Lookout"
              + " gateway. `lookout report`, `payload`, `drift status` and `experiment analyze`"
              + " can ask that gateway with --gateway URL; `export` and `retention apply` need it"
              + " stopped (a running gateway applies retention itself, daily). DuckDB reported: "
              + message,
          e);
    }
    return new StoreException("Opening " + file + " failed: " + message, e);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("store: closing a connection failed: {}", e.toString());
    }
  }
}
