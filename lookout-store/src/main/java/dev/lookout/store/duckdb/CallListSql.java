package dev.lookout.store.duckdb;

import dev.lookout.store.query.CallFilter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The call log's SQL for one {@link CallFilter}, with its parameters in binding order. */
final class CallListSql {
  private final String text;
  private final List<Object> parameters;

  private CallListSql(String text, List<Object> parameters) {
    this.text = text;
    this.parameters = parameters;
  }

  static CallListSql of(CallFilter filter) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    if (filter.since() != null) {
      conditions.add("\"timestamp\" >= epoch_ms(?::BIGINT)");
      parameters.add(filter.since().toEpochMilli());
    }
    if (filter.until() != null) {
      conditions.add("\"timestamp\" < epoch_ms(?::BIGINT)");
      parameters.add(filter.until().toEpochMilli());
    }
    equal(conditions, parameters, "model", filter.model());
    equal(conditions, parameters, "status", filter.status());
    equal(conditions, parameters, "user_id", filter.userId());
    equal(conditions, parameters, "prompt_template", filter.template());
    equal(conditions, parameters, "experiment_id", filter.experimentId());
    if (filter.before() != null) {
      // Keyset paging in the list's order (timestamp, then request id, both descending), so a page
      // stays stable while new calls arrive.
      String cursor = "(SELECT \"timestamp\" FROM " + CallsTable.NAME + " WHERE request_id = ?)";
      conditions.add(
          "(\"timestamp\" < "
              + cursor
              + " OR (\"timestamp\" = "
              + cursor
              + " AND request_id < ?))");
      parameters.add(filter.before());
      parameters.add(filter.before());
      parameters.add(filter.before());
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    String text =
        "SELECT "
            + CallsTable.selectList()
            + " FROM "
            + CallsTable.NAME
            + where
            + " ORDER BY \"timestamp\" DESC, request_id DESC LIMIT "
            + filter.limit();
    return new CallListSql(text, parameters);
  }

  String text() {
    return text;
  }

  void bind(PreparedStatement statement) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
  }

  private static void equal(
      List<String> conditions, List<Object> parameters, String column, String value) {
    if (value != null && !value.isEmpty()) {
      conditions.add(CallsTable.quote(column) + " = ?");
      parameters.add(value);
    }
  }
}
