package dev.lookout.store.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lookout.core.drift.DriftCheck;
import dev.lookout.core.drift.DriftKey;
import dev.lookout.core.drift.DriftSample;
import dev.lookout.core.drift.DriftState;
import dev.lookout.core.drift.MmdResult;
import dev.lookout.store.StoreException;
import dev.lookout.store.duckdb.DuckDbCallStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drift baselines, windows and test results in the call store's DuckDB file, tables {@code
 * drift_baselines} (one row per baseline response, with its embedding and style features as
 * little-endian floats), {@code drift_windows} (the latest window responses, same columns) and
 * {@code drift_checks} (one row per test). Writes are serialized by this object's monitor.
 */
public final class DriftStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String BASELINES =
      "CREATE TABLE IF NOT EXISTS drift_baselines ("
          + "prompt_template VARCHAR NOT NULL, model VARCHAR NOT NULL, position INTEGER NOT NULL,"
          + " text VARCHAR NOT NULL, embedding BLOB NOT NULL, style BLOB NOT NULL,"
          + " added_at TIMESTAMP_MS NOT NULL,"
          + " PRIMARY KEY (prompt_template, model, position))";
  private static final String WINDOWS =
      "CREATE TABLE IF NOT EXISTS drift_windows ("
          + "prompt_template VARCHAR NOT NULL, model VARCHAR NOT NULL, position BIGINT NOT NULL,"
          + " text VARCHAR NOT NULL, embedding BLOB NOT NULL, style BLOB NOT NULL,"
          + " added_at TIMESTAMP_MS NOT NULL)";
  private static final String CHECKS =
      "CREATE TABLE IF NOT EXISTS drift_checks ("
          + "checked_at TIMESTAMP_MS NOT NULL, prompt_template VARCHAR NOT NULL,"
          + " model VARCHAR NOT NULL, state VARCHAR NOT NULL, statistic DOUBLE NOT NULL,"
          + " p_value DOUBLE NOT NULL, distance DOUBLE NOT NULL, baseline_n INTEGER NOT NULL,"
          + " window_n INTEGER NOT NULL, responsible VARCHAR NOT NULL)";

  /**
   * The tests' own p-values and the word-profile and phrase statistics, added after the first
   * release, whose rows read as NaN, and the mark of tests whose baseline is gone.
   */
  private static final String[] CHECK_PARTS = {
    "ALTER TABLE drift_checks ADD COLUMN IF NOT EXISTS embedding_p_value DOUBLE",
    "ALTER TABLE drift_checks ADD COLUMN IF NOT EXISTS profile_statistic DOUBLE",
    "ALTER TABLE drift_checks ADD COLUMN IF NOT EXISTS profile_p_value DOUBLE",
    "ALTER TABLE drift_checks ADD COLUMN IF NOT EXISTS phrase_statistic DOUBLE",
    "ALTER TABLE drift_checks ADD COLUMN IF NOT EXISTS phrase_p_value DOUBLE",
    // True once the baseline the test compared against has been replaced or reset.
    "ALTER TABLE drift_checks ADD COLUMN IF NOT EXISTS superseded BOOLEAN DEFAULT false"
  };

  private static final String CHECK_COLUMNS =
      "checked_at, prompt_template, model, state, statistic, p_value, distance, baseline_n,"
          + " window_n, responsible, embedding_p_value, profile_statistic, profile_p_value,"
          + " phrase_statistic, phrase_p_value";

  private final DuckDbCallStore store;

  private DriftStore(DuckDbCallStore store) {
    this.store = store;
  }

  /**
   * Opens the drift tables in {@code store}'s file, creating them as needed.
   *
   * @throws StoreException if the tables cannot be created
   */
  public static DriftStore open(DuckDbCallStore store) {
    DriftStore drift = new DriftStore(store);
    drift.write(
        "Creating the drift tables",
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute(BASELINES);
            statement.execute(WINDOWS);
            statement.execute(CHECKS);
            for (String part : CHECK_PARTS) {
              statement.execute(part);
            }
          }
        });
    return drift;
  }

  /** Appends baseline samples of {@code key}, numbered from {@code firstPosition}. */
  public void appendBaseline(DriftKey key, int firstPosition, List<DriftSample> samples) {
    write(
        "Appending " + samples.size() + " baseline samples of " + key,
        connection -> insertBaseline(connection, key, firstPosition, samples));
  }

  /**
   * Replaces the baseline of {@code key} with {@code samples} and empties its window, in one
   * transaction. Its earlier tests stay in the history but no longer count as the latest.
   */
  public void replaceBaseline(DriftKey key, List<DriftSample> samples) {
    writeTransaction(
        "Replacing the baseline of " + key,
        connection -> {
          deleteBaseline(connection, key.promptTemplate(), key.model());
          deleteWindow(connection, key.promptTemplate(), key.model());
          supersedeChecks(connection, key.promptTemplate(), key.model());
          insertBaseline(connection, key, 0, samples);
        });
  }

  /**
   * Deletes the baselines and windows of {@code template}, of every model when {@code model} is
   * null, in one transaction. Their earlier tests stay in the history but no longer count as the
   * latest.
   *
   * @return the number of baseline samples deleted
   */
  public int resetBaseline(String template, String model) {
    int[] deleted = new int[1];
    writeTransaction(
        "Resetting the baseline of template " + template,
        connection -> {
          deleted[0] = deleteBaseline(connection, template, model);
          deleteWindow(connection, template, model);
          supersedeChecks(connection, template, model);
        });
    return deleted[0];
  }

  /**
   * A stored window: its samples, oldest first, and the position the next sample takes.
   *
   * @param samples the latest window samples, at most as many as were kept
   * @param nextPosition one more than the position of the newest sample
   */
  public record StoredWindow(List<DriftSample> samples, long nextPosition) {}

  /**
   * Appends window samples of {@code key}, numbered from {@code firstPosition}, and deletes all but
   * the latest {@code keep}, in one transaction, so that a restart resumes with a full window.
   */
  public void appendWindow(DriftKey key, long firstPosition, List<DriftSample> samples, int keep) {
    writeTransaction(
        "Appending " + samples.size() + " window samples of " + key,
        connection -> {
          insertRows(connection, "drift_windows", key, firstPosition, samples);
          String sql =
              "DELETE FROM drift_windows WHERE prompt_template = ? AND model = ?"
                  + " AND position < ?";
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key.promptTemplate());
            statement.setString(2, key.model());
            statement.setLong(3, firstPosition + samples.size() - keep);
            statement.executeUpdate();
          }
        });
  }

  /** Returns every stored window, samples in position order. */
  public Map<DriftKey, StoredWindow> windows() {
    return read(
        "Reading the drift windows",
        connection -> {
          Map<DriftKey, Long> next = new HashMap<>();
          Map<DriftKey, StoredWindow> windows = new LinkedHashMap<>();
          samplesByKey(connection, "drift_windows", next)
              .forEach((key, list) -> windows.put(key, new StoredWindow(list, next.get(key))));
          return windows;
        });
  }

  /** Returns every stored baseline, in position order. */
  public Map<DriftKey, List<DriftSample>> baselines() {
    return read(
        "Reading the drift baselines",
        connection -> samplesByKey(connection, "drift_baselines", new HashMap<>()));
  }

  /**
   * Reads the samples of {@code table} per key in position order, and puts in {@code next} one more
   * than each key's last position.
   */
  private static Map<DriftKey, List<DriftSample>> samplesByKey(
      Connection connection, String table, Map<DriftKey, Long> next) throws SQLException {
    Map<DriftKey, List<DriftSample>> samples = new LinkedHashMap<>();
    String sql =
        "SELECT prompt_template, model, text, embedding, style, position FROM "
            + table
            + " ORDER BY prompt_template, model, position";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        DriftKey key = new DriftKey(rows.getString(1), rows.getString(2));
        samples
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(
                new DriftSample(
                    rows.getString(3), floats(rows.getBytes(4)), floats(rows.getBytes(5))));
        next.put(key, rows.getLong(6) + 1);
      }
    }
    return samples;
  }

  /** Returns the number of baseline samples per template and model. */
  public Map<DriftKey, Integer> baselineCounts() {
    return read(
        "Counting the drift baselines",
        connection -> {
          Map<DriftKey, Integer> counts = new LinkedHashMap<>();
          String sql =
              "SELECT prompt_template, model, count(*) FROM drift_baselines GROUP BY ALL"
                  + " ORDER BY ALL";
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
              counts.put(new DriftKey(rows.getString(1), rows.getString(2)), rows.getInt(3));
            }
          }
          return counts;
        });
  }

  /** Stores the result of one test. */
  public void appendCheck(DriftCheck check) {
    write(
        "Storing a drift check of " + check.key(),
        connection -> {
          String sql =
              "INSERT INTO drift_checks ("
                  + CHECK_COLUMNS
                  + ") VALUES (epoch_ms(?::BIGINT), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            MmdResult result = check.result();
            statement.setLong(1, check.checkedAt().toEpochMilli());
            statement.setString(2, check.key().promptTemplate());
            statement.setString(3, check.key().model());
            statement.setString(4, check.state().label());
            statement.setDouble(5, result.statistic());
            statement.setDouble(6, result.pValue());
            statement.setDouble(7, result.distance());
            statement.setInt(8, result.baselineN());
            statement.setInt(9, result.windowN());
            statement.setString(10, responsibleJson(check.responsible()));
            setNullable(statement, 11, result.embeddingPValue());
            setNullable(statement, 12, result.profileStatistic());
            setNullable(statement, 13, result.profilePValue());
            setNullable(statement, 14, result.phraseStatistic());
            setNullable(statement, 15, result.phrasePValue());
            statement.executeUpdate();
          }
        });
  }

  /**
   * Returns the latest test of every template and model against its current baseline: none for a
   * baseline replaced or reset since its last test.
   */
  public List<DriftCheck> latestChecks() {
    String sql =
        "SELECT "
            + CHECK_COLUMNS
            + " FROM drift_checks WHERE superseded IS NOT TRUE QUALIFY row_number() OVER"
            + " (PARTITION BY prompt_template, model ORDER BY checked_at DESC) = 1"
            + " ORDER BY prompt_template, model";
    return queryChecks("Reading the latest drift checks", sql, statement -> {});
  }

  /** Returns the tests of {@code template} (every template when null) since {@code since}. */
  public List<DriftCheck> history(String template, Instant since) {
    String sql =
        "SELECT "
            + CHECK_COLUMNS
            + " FROM drift_checks WHERE checked_at >= epoch_ms(?::BIGINT)"
            + " AND (?::VARCHAR IS NULL OR prompt_template = ?) ORDER BY checked_at, model";
    return queryChecks(
        "Reading the drift history",
        sql,
        statement -> {
          statement.setLong(1, since.toEpochMilli());
          statement.setString(2, template);
          statement.setString(3, template);
        });
  }

  private List<DriftCheck> queryChecks(String description, String sql, Binder binder) {
    return read(
        description,
        connection -> {
          List<DriftCheck> checks = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                checks.add(check(rows));
              }
            }
          }
          return checks;
        });
  }

  private static void setNullable(PreparedStatement statement, int index, double value)
      throws SQLException {
    if (Double.isNaN(value)) {
      statement.setNull(index, java.sql.Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }

  private static double nullable(ResultSet rows, int index) throws SQLException {
    double value = rows.getDouble(index);
    return rows.wasNull() ? Double.NaN : value;
  }

  private static DriftCheck check(ResultSet rows) throws SQLException {
    MmdResult result =
        new MmdResult(
            rows.getDouble(5),
            rows.getDouble(6),
            rows.getDouble(7),
            rows.getInt(8),
            rows.getInt(9),
            List.of(),
            nullable(rows, 11),
            nullable(rows, 12),
            nullable(rows, 13),
            nullable(rows, 14),
            nullable(rows, 15));
    return new DriftCheck(
        new DriftKey(rows.getString(2), rows.getString(3)),
        rows.getTimestamp(1).toInstant(),
        DriftState.parse(rows.getString(4)),
        result,
        responsible(rows.getString(10)));
  }

  private static void insertBaseline(
      Connection connection, DriftKey key, int firstPosition, List<DriftSample> samples)
      throws SQLException {
    insertRows(connection, "drift_baselines", key, firstPosition, samples);
  }

  /** Inserts samples into {@code table}, one of the two tables with the same columns. */
  private static void insertRows(
      Connection connection,
      String table,
      DriftKey key,
      long firstPosition,
      List<DriftSample> samples)
      throws SQLException {
    String sql = "INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, epoch_ms(?::BIGINT))";
    long now = Instant.now().toEpochMilli();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < samples.size(); i++) {
        statement.setString(1, key.promptTemplate());
        statement.setString(2, key.model());
        statement.setLong(3, firstPosition + i);
        statement.setString(4, samples.get(i).text());
        statement.setBytes(5, bytes(samples.get(i).embedding()));
        statement.setBytes(6, bytes(samples.get(i).style()));
        statement.setLong(7, now);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private static void deleteWindow(Connection connection, String template, String model)
      throws SQLException {
    deleteRows(connection, "drift_windows", template, model);
  }

  private static int deleteBaseline(Connection connection, String template, String model)
      throws SQLException {
    return deleteRows(connection, "drift_baselines", template, model);
  }

  /** Deletes the rows of {@code template} (and {@code model} unless null) from {@code table}. */
  private static int deleteRows(Connection connection, String table, String template, String model)
      throws SQLException {
    String sql =
        "DELETE FROM " + table + " WHERE prompt_template = ? AND (?::VARCHAR IS NULL OR model = ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, template);
      statement.setString(2, model);
      statement.setString(3, model);
      return statement.executeUpdate();
    }
  }

  /** Marks the tests of {@code template} (and {@code model} unless null) as superseded. */
  private static void supersedeChecks(Connection connection, String template, String model)
      throws SQLException {
    String sql =
        "UPDATE drift_checks SET superseded = true WHERE prompt_template = ?"
            + " AND (?::VARCHAR IS NULL OR model = ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, template);
      statement.setString(2, model);
      statement.setString(3, model);
      statement.executeUpdate();
    }
  }

  static byte[] bytes(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  static float[] floats(byte[] bytes) {
    float[] vector = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }

  private static String responsibleJson(List<DriftCheck.ResponsibleText> responsible) {
    ArrayNode array = JSON.createArrayNode();
    for (DriftCheck.ResponsibleText text : responsible) {
      array.addObject().put("text", text.text()).put("distance", text.distance());
    }
    return array.toString();
  }

  private static List<DriftCheck.ResponsibleText> responsible(String json) throws SQLException {
    try {
      List<DriftCheck.ResponsibleText> texts = new ArrayList<>();
      for (JsonNode node : JSON.readTree(json)) {
        texts.add(
            new DriftCheck.ResponsibleText(
                node.path("text").asText(), node.path("distance").asDouble()));
      }
      return texts;
    } catch (JsonProcessingException e) {
      throw new SQLException(
          "Invalid responsible texts JSON in drift_checks: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Work {
    void run(Connection connection) throws SQLException;
  }

  @FunctionalInterface
  private interface Query<T> {
    T run(Connection connection) throws SQLException;
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private synchronized void write(String description, Work work) {
    try (Connection connection = store.connect()) {
      work.run(connection);
    } catch (SQLException e) {
      throw new StoreException(
          description + " in " + store.file() + " failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction: all of it commits, or none of it. */
  private void writeTransaction(String description, Work work) {
    write(
        description,
        connection -> {
          connection.setAutoCommit(false);
          try {
            work.run(connection);
            connection.commit();
          } catch (SQLException e) {
            connection.rollback();
            throw e;
          } finally {
            connection.setAutoCommit(true);
          }
        });
  }

  private <T> T read(String description, Query<T> query) {
    try (Connection connection = store.connect()) {
      return query.run(connection);
    } catch (SQLException e) {
      throw new StoreException(
          description + " in " + store.file() + " failed: " + e.getMessage(), e);
    }
  }
}
