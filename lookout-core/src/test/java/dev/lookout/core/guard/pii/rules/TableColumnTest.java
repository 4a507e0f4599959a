package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableColumnTest {
  @Test
  void findsCsvHeader() {
    String text = "name,ssn,dept\n\"Emily Clark\",015725978,IT";
    assertThat(new TableColumn(text).header(text.indexOf("0157"))).isEqualTo("ssn");
  }

  @Test
  void skipsQuotedComma() {
    String text = "name,ssn,dept\n\"Clark, Emily\",015725978,IT";
    assertThat(new TableColumn(text).header(text.indexOf("0157"))).isEqualTo("ssn");
  }

  @Test
  void findsMarkdownHeader() {
    String text = "| Name | SSN |\n|---|---|\n| Ann Lee | 219 36 8000 |";
    assertThat(new TableColumn(text).header(text.indexOf("219"))).isEqualTo("SSN");
  }

  @Test
  void findsNothingOutsideTable() {
    String text = "Hello there.\nMy number is 015725978, thanks";
    assertThat(new TableColumn(text).header(text.indexOf("0157"))).isEmpty();
  }

  @Test
  void findsNothingOnHeaderLine() {
    String text = "id,015725978";
    assertThat(new TableColumn(text).header(text.indexOf("0157"))).isEmpty();
  }

  @Test
  void findsNothingInProseWithOneComma() {
    String text = "Well, I called.\nSure, my id is 015725978";
    assertThat(new TableColumn(text).header(text.indexOf("0157"))).isEmpty();
  }

  @Test
  void readsEachLineOfOneText() {
    String text = "name,ssn,dept\nAnn,015725978,IT\nBob,219368000,HR\nThanks, Bob";
    TableColumn columns = new TableColumn(text);
    assertThat(columns.header(text.indexOf("0157"))).isEqualTo("ssn");
    assertThat(columns.header(text.indexOf("HR"))).isEqualTo("dept");
    assertThat(columns.header(text.indexOf("Ann"))).isEqualTo("name");
    assertThat(columns.header(text.indexOf("Thanks"))).isEmpty();
  }

  @Test
  void readsPositionsOutOfOrder() {
    String text = "name,ssn,dept\n\"Clark, Emily\",015725978,IT\nLee,219368000,HR";
    TableColumn columns = new TableColumn(text);
    columns.header(text.indexOf("IT"));
    columns.header(text.indexOf("HR"));

    assertThat(columns.header(text.indexOf("0157"))).isEqualTo("ssn");
  }

  @Test
  void readsOnFromInsideQuotes() {
    String text = "name,ssn,dept\n\"Clark, Emily\",015725978,IT";
    TableColumn columns = new TableColumn(text);
    columns.header(text.indexOf("Emily"));

    assertThat(columns.header(text.indexOf("IT"))).isEqualTo("dept");
  }
}
