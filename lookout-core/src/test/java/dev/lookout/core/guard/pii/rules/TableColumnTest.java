package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableColumnTest {
  @Test
  void findsCsvHeader() {
    String text = "name,ssn,dept\n\"Emily Clark\",015725978,IT";
    assertThat(TableColumn.header(text, text.indexOf("0157"))).isEqualTo("ssn");
  }

  @Test
  void skipsQuotedComma() {
    String text = "name,ssn,dept\n\"Clark, Emily\",015725978,IT";
    assertThat(TableColumn.header(text, text.indexOf("0157"))).isEqualTo("ssn");
  }

  @Test
  void findsMarkdownHeader() {
    String text = "| Name | SSN |\n|---|---|\n| Ann Lee | 219 36 8000 |";
    assertThat(TableColumn.header(text, text.indexOf("219"))).isEqualTo("SSN");
  }

  @Test
  void findsNothingOutsideTable() {
    String text = "Hello there.\nMy number is 015725978, thanks";
    assertThat(TableColumn.header(text, text.indexOf("0157"))).isEmpty();
  }

  @Test
  void findsNothingOnHeaderLine() {
    String text = "id,015725978";
    assertThat(TableColumn.header(text, text.indexOf("0157"))).isEmpty();
  }

  @Test
  void findsNothingInProseWithOneComma() {
    String text = "Well, I called.\nSure, my id is 015725978";
    assertThat(TableColumn.header(text, text.indexOf("0157"))).isEmpty();
  }
}
