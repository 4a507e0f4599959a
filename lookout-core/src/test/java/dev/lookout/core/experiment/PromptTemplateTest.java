package dev.lookout.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {
  @Test
  void replacesPlaceholders() {
    assertThat(
            PromptTemplate.render(
                "Answer in {{ lang }} as {{role}}.",
                Map.of("lang", "French", "role", "a $1 tutor")))
        .isEqualTo("Answer in French as a $1 tutor.");
  }

  @Test
  void missingVariableIsNamed() {
    assertThatThrownBy(() -> PromptTemplate.render("Hi {{name}}", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'name'");
  }

  @Test
  void experimentRejectsUnknownControl() {
    assertThatThrownBy(
            () ->
                Experiment.of(
                    "e",
                    "z",
                    java.util.List.of(new Variant("a", 1, null), new Variant("b", 1, null))))
        .hasMessageContaining("Control 'z'");
  }
}
