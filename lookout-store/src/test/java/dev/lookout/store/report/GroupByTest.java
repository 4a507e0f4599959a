package dev.lookout.store.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GroupByTest {

  @Test
  void parseAcceptsEveryWireName() {
    for (GroupBy by : GroupBy.values()) {
      assertThat(GroupBy.parse(by.wireName())).isEqualTo(by);
    }
  }

  @Test
  void parseIgnoresCase() {
    assertThat(GroupBy.parse("Model")).isEqualTo(GroupBy.MODEL);
  }

  @Test
  void parseUnknownNamesValueAndChoices() {
    assertThatThrownBy(() -> GroupBy.parse("tenant"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'tenant'")
        .hasMessageContaining("model, template, user, status");
  }
}
