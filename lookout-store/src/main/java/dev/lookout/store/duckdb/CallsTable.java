package dev.lookout.store.duckdb;

import dev.lookout.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Schema of the call records: one snake_case column per {@code CallRecord} field, in record order,
 * which is also the order the appender writes values in.
 *
 * <p>New records go to the table {@code calls_hot}. Whole UTC days are later moved out of it into
 * Parquet files (see {@link DayPartitions}), and queries read the view {@code calls}, which is the
 * table and those files together.
 *
 * <p>There is no index on {@code timestamp}, because rows arrive in roughly time order and DuckDB's
 * min/max zone maps per row group already skip the row groups outside a time range. An ART index
 * would slow every append, and DuckDB uses one only for point look-ups and very selective filters.
 */
final class CallsTable {
  /** The view that queries read: the hot table and the sealed day files. */
  static final String NAME = "calls";

  /** The table new records are appended to. */
  static final String HOT = "calls_hot";

  /** Number of decimal places of {@code cost_usd}; costs with more are rounded half-even. */
  static final int COST_SCALE = 12;

  private static final String[][] COLUMNS = {
    {"request_id", "VARCHAR NOT NULL"},
    {"timestamp", "TIMESTAMP_MS NOT NULL"},
    {"endpoint", "VARCHAR"},
    {"provider", "VARCHAR"},
    {"model", "VARCHAR"},
    {"response_model", "VARCHAR"},
    {"prompt_template", "VARCHAR"},
    {"template_version", "VARCHAR"},
    {"prompt_hash", "VARCHAR"},
    {"input_tokens", "BIGINT"},
    {"output_tokens", "BIGINT"},
    {"cached_input_tokens", "BIGINT"},
    {"cache_write_tokens", "BIGINT"},
    {"reasoning_tokens", "BIGINT"},
    {"usage_source", "VARCHAR"},
    {"cost_usd", "DECIMAL(38," + COST_SCALE + ")"},
    {"priced", "BOOLEAN NOT NULL"},
    {"latency_ms", "DOUBLE NOT NULL"},
    {"ttft_ms", "DOUBLE"},
    {"stream", "BOOLEAN NOT NULL"},
    {"status", "VARCHAR NOT NULL"},
    {"http_status", "INTEGER NOT NULL"},
    {"error_type", "VARCHAR"},
    {"error_message", "VARCHAR"},
    {"user_id", "VARCHAR"},
    {"api_key_id", "VARCHAR"},
    {"experiment_id", "VARCHAR"},
    {"variant", "VARCHAR"},
    {"guard_actions", "VARCHAR"},
    {"metadata", "JSON"},
  };

  private CallsTable() {}

  /** Returns the column names in table order. */
  static List<String> columnNames() {
    List<String> names = new ArrayList<>(COLUMNS.length);
    for (String[] column : COLUMNS) {
      names.add(column[0]);
    }
    return names;
  }

  /**
   * Returns the select list that reads a whole record, with {@code timestamp} as epoch milliseconds
   * so no JDBC time zone conversion applies.
   */
  static String selectList() {
    return columnNames().stream()
        .map(name -> name.equals("timestamp") ? "epoch_ms(\"timestamp\")" : quote(name))
        .collect(Collectors.joining(", "));
  }

  /**
   * Creates the hot table when the file has none, and checks an existing table has the expected
   * columns. A file written before the hot table existed has a table named {@code calls}, which is
   * renamed, since the name now belongs to the view.
   *
   * @throws StoreException if the existing table has other columns
   */
  static void create(Connection connection, Path file) throws SQLException {
    String columns =
        Arrays.stream(COLUMNS)
            .map(column -> quote(column[0]) + " " + column[1])
            .collect(Collectors.joining(", "));
    try (Statement statement = connection.createStatement()) {
      if (isBaseTable(connection, NAME)) {
        statement.execute("ALTER TABLE " + NAME + " RENAME TO " + HOT);
      }
      statement.execute("CREATE TABLE IF NOT EXISTS " + HOT + " (" + columns + ")");
    }
    List<String> found = new ArrayList<>();
    String sql =
        "SELECT column_name FROM information_schema.columns WHERE table_name = '"
            + HOT
            + "' AND table_schema = 'main' ORDER BY ordinal_position";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        found.add(rows.getString(1));
      }
    }
    if (!found.equals(columnNames())) {
      throw new StoreException(
          "Table '"
              + HOT
              + "' in "
              + file
              + " has columns "
              + found
              + " but this version of Lookout expects "
              + columnNames()
              + "; move the file aside to start a new one");
    }
  }

  /**
   * Returns the select list that reads a whole record from Parquet with each column cast to its
   * table type, so the view's two halves have the same types (Parquet keeps JSON as text).
   */
  static String castList() {
    return Arrays.stream(COLUMNS)
        .map(
            column ->
                "CAST("
                    + quote(column[0])
                    + " AS "
                    + baseType(column[1])
                    + ") AS "
                    + quote(column[0]))
        .collect(Collectors.joining(", "));
  }

  private static String baseType(String definition) {
    return definition.replace(" NOT NULL", "");
  }

  private static boolean isBaseTable(Connection connection, String name) throws SQLException {
    String sql =
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'"
            + " AND table_type = 'BASE TABLE' AND table_name = '"
            + name
            + "'";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1) > 0;
    }
  }

  static String quote(String name) {
    return "\"" + name + "\"";
  }
}
