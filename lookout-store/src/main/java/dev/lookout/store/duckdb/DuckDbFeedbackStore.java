package dev.lookout.store.duckdb;

import dev.lookout.core.experiment.Feedback;
import dev.lookout.store.StoreException;
import dev.lookout.store.experiment.FeedbackStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FeedbackStore} in table {@code feedback} of the call store's DuckDB file, one row per
 * score: {@code request_id}, {@code name}, {@code value} (DOUBLE, booleans as 1 and 0), {@code
 * is_boolean}, {@code created_at}. Close it before the call store.
 */
public final class DuckDbFeedbackStore implements FeedbackStore {
  static final String TABLE = "feedback";

  private static final Logger log = LoggerFactory.getLogger(DuckDbFeedbackStore.class);

  private final DuckDbCallStore calls;
  private final Connection writer;

  private DuckDbFeedbackStore(DuckDbCallStore calls, Connection writer) {
    this.calls = calls;
    this.writer = writer;
  }

  /**
   * Opens the feedback table of {@code calls}, creating it when missing.
   *
   * @throws StoreException if the table cannot be created
   */
  public static DuckDbFeedbackStore open(DuckDbCallStore calls) {
    try {
      Connection writer = calls.connect();
      try (Statement statement = writer.createStatement()) {
        statement.execute(
            "CREATE TABLE IF NOT EXISTS "
                + TABLE
                + " (request_id VARCHAR NOT NULL, name VARCHAR NOT NULL, value DOUBLE NOT NULL,"
                + " is_boolean BOOLEAN NOT NULL, created_at TIMESTAMP_MS NOT NULL)");
      }
      return new DuckDbFeedbackStore(calls, writer);
    } catch (SQLException e) {
      throw new StoreException(
          "Creating the feedback table in " + calls.file() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized boolean record(Feedback feedback) {
    // One statement checks the call and inserts, so a call cannot vanish in between.
    String sql =
        "INSERT INTO "
            + TABLE
            + " SELECT ?, ?, ?, ?, epoch_ms(?::BIGINT) WHERE EXISTS (SELECT 1 FROM "
            + CallsTable.NAME
            + " WHERE request_id = ?)";
    try (PreparedStatement statement = writer.prepareStatement(sql)) {
      statement.setString(1, feedback.requestId());
      statement.setString(2, feedback.name());
      statement.setDouble(3, feedback.value());
      statement.setBoolean(4, feedback.isBoolean());
      statement.setLong(5, feedback.createdAt().toEpochMilli());
      statement.setString(6, feedback.requestId());
      return statement.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException(
          "Storing feedback '"
              + feedback.name()
              + "' for request "
              + feedback.requestId()
              + " in "
              + calls.file()
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public List<Feedback> find(String requestId) {
    String sql =
        "SELECT name, value, is_boolean, epoch_ms(created_at) FROM "
            + TABLE
            + " WHERE request_id = ? ORDER BY created_at, name";
    try (Connection connection = calls.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, requestId);
      List<Feedback> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(
              new Feedback(
                  requestId,
                  rows.getString(1),
                  rows.getDouble(2),
                  rows.getBoolean(3),
                  Instant.ofEpochMilli(rows.getLong(4))));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException(
          "Reading the feedback of request " + requestId + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (SQLException e) {
      log.warn(
          "store: closing the feedback connection to {} failed: {}", calls.file(), e.toString());
    }
  }
}
