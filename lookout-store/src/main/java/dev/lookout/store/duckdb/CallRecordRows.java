package dev.lookout.store.duckdb;

import dev.lookout.core.record.CallRecord;
import dev.lookout.core.record.CallStatus;
import dev.lookout.core.usage.UsageSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import org.duckdb.DuckDBAppender;

/**
 * Mapping between a {@link CallRecord} and one row of the {@code calls} table, in the column order
 * of {@link CallsTable}.
 */
final class CallRecordRows {

  private CallRecordRows() {}

  /** Appends one row; the timestamp is cut to milliseconds and the cost rounded to 12 places. */
  static void append(DuckDBAppender appender, CallRecord record) throws SQLException {
    appender.beginRow();
    appender.append(record.requestId());
    appender.appendEpochMillis(record.timestamp().toEpochMilli());
    appendText(appender, record.endpoint());
    appendText(appender, record.provider());
    appendText(appender, record.model());
    appendText(appender, record.responseModel());
    appendText(appender, record.promptTemplate());
    appendText(appender, record.templateVersion());
    appendText(appender, record.promptHash());
    appendLong(appender, record.inputTokens());
    appendLong(appender, record.outputTokens());
    appendLong(appender, record.cachedInputTokens());
    appendLong(appender, record.cacheWriteTokens());
    appendLong(appender, record.reasoningTokens());
    appendText(appender, record.usageSource() == null ? null : record.usageSource().wireName());
    if (record.costUsd() == null) {
      appender.appendNull();
    } else {
      appender.append(storedCost(record.costUsd()));
    }
    appender.append(record.priced());
    appender.append(record.latencyMs());
    if (record.ttftMs() == null) {
      appender.appendNull();
    } else {
      appender.append(record.ttftMs().doubleValue());
    }
    appender.append(record.stream());
    appender.append(record.status().wireName());
    appender.append(record.httpStatus());
    appendText(appender, record.errorType());
    appendText(appender, record.errorMessage());
    appendText(appender, record.userId());
    appendText(appender, record.apiKeyId());
    appendText(appender, record.experimentId());
    appendText(appender, record.variant());
    appendText(appender, record.guardActions());
    appendText(appender, MetadataJson.write(record.metadata()));
    appender.endRow();
  }

  /**
   * Reads the current row of a result set selected with {@link CallsTable#selectList()}. Uses the
   * record constructor, not the builder, because the builder derives {@code priced} from the cost.
   */
  static CallRecord read(ResultSet row) throws SQLException {
    String usageSource = row.getString(15);
    return new CallRecord(
        row.getString(1),
        Instant.ofEpochMilli(row.getLong(2)),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        row.getString(8),
        row.getString(9),
        readLong(row, 10),
        readLong(row, 11),
        readLong(row, 12),
        readLong(row, 13),
        readLong(row, 14),
        usageSource == null ? null : UsageSource.valueOf(usageSource.toUpperCase(Locale.ROOT)),
        row.getBigDecimal(16),
        row.getBoolean(17),
        row.getDouble(18),
        readDouble(row, 19),
        row.getBoolean(20),
        CallStatus.fromWireName(row.getString(21)),
        row.getInt(22),
        row.getString(23),
        row.getString(24),
        row.getString(25),
        row.getString(26),
        row.getString(27),
        row.getString(28),
        row.getString(29),
        MetadataJson.read(row.getString(30)));
  }

  private static void appendText(DuckDBAppender appender, String value) throws SQLException {
    if (value == null) {
      appender.appendNull();
    } else {
      appender.append(value);
    }
  }

  private static void appendLong(DuckDBAppender appender, Long value) throws SQLException {
    if (value == null) {
      appender.appendNull();
    } else {
      appender.append(value.longValue());
    }
  }

  private static Long readLong(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static Double readDouble(ResultSet row, int column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? null : value;
  }

  /**
   * Returns the cost with the scale of the column, which the appender requires exactly.
   *
   * <p>NOTE: a cost with more than 12 decimal places is rounded half-even here, the only place a
   * stored cost differs from the record's.
   */
  static BigDecimal storedCost(BigDecimal cost) {
    return cost.setScale(CallsTable.COST_SCALE, RoundingMode.HALF_EVEN);
  }
}
