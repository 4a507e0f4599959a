package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlInsertColumnsTest {
  private static final String DUMP =
      "INSERT INTO customers (id, `email`, phone, \"ssn\") VALUES\n"
          + "(1, 'a@b.io', '312 301 0768', '880926351'),\n"
          + "(2, 'O''Hara, Ann', '305 733 5300', '333 07 3764');\n"
          + "SELECT 1, 2, 3;";

  @Test
  void namesFirstRowColumn() {
    assertThat(new SqlInsertColumns(DUMP).column(DUMP.indexOf("880926351"))).isEqualTo("ssn");
  }

  @Test
  void stripsIdentifierQuotes() {
    assertThat(new SqlInsertColumns(DUMP).column(DUMP.indexOf("a@b.io"))).isEqualTo("email");
  }

  @Test
  void skipsCommaInQuotedString() {
    assertThat(new SqlInsertColumns(DUMP).column(DUMP.indexOf("305 733"))).isEqualTo("phone");
  }

  @Test
  void namesSecondRowColumn() {
    assertThat(new SqlInsertColumns(DUMP).column(DUMP.indexOf("333 07"))).isEqualTo("ssn");
  }

  @Test
  void readsPositionsOutOfOrder() {
    SqlInsertColumns columns = new SqlInsertColumns(DUMP);
    columns.column(DUMP.indexOf("333 07"));
    assertThat(columns.column(DUMP.indexOf("'312") + 1)).isEqualTo("phone");
  }

  @Test
  void findsNothingAfterStatementEnd() {
    assertThat(new SqlInsertColumns(DUMP).column(DUMP.indexOf("2, 3;"))).isEmpty();
  }

  @Test
  void findsNothingBeforeValues() {
    assertThat(new SqlInsertColumns(DUMP).column(DUMP.indexOf("phone,"))).isEmpty();
  }

  @Test
  void findsNothingWithoutInsert() {
    String text = "VALUES (1, '880926351')";
    assertThat(new SqlInsertColumns(text).column(text.indexOf("8809"))).isEmpty();
  }

  @Test
  void findsNothingPastLastColumn() {
    String text = "insert into t (a) values (1, 880926351)";
    assertThat(new SqlInsertColumns(text).column(text.indexOf("8809"))).isEmpty();
  }

  @Test
  void findsNothingInProseAfterStatementWithoutEnd() {
    String text =
        "INSERT INTO orders (order_id, total) VALUES (1, 5)\nThe buyer (+1 415 555 0198) paid.";
    assertThat(new SqlInsertColumns(text).column(text.indexOf("+1"))).isEmpty();
  }

  @Test
  void skipsBackslashEscapedQuote() {
    String text = "INSERT INTO c (id, note, phone) VALUES (1,'said \\'call me, please\\'','555');";
    assertThat(new SqlInsertColumns(text).column(text.indexOf("555"))).isEqualTo("phone");
  }

  @Test
  void skipsCommaInDoubleQuotedString() {
    String text = "INSERT INTO c (id, name, phone) VALUES (1, \"Lee, Ann\", \"555\");";
    assertThat(new SqlInsertColumns(text).column(text.indexOf("555"))).isEqualTo("phone");
  }

  @Test
  void findsNothingAfterLineBreakInString() {
    String text = "INSERT INTO f (id, ssn) VALUES (1, 'C:\\');\nParcel 123456789.";
    assertThat(new SqlInsertColumns(text).column(text.indexOf("1234"))).isEmpty();
  }
}
