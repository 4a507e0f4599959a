package dev.lookout.core.guard.pii.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.guard.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateSplitTest {
  private static LabelledText person(String name, String template) {
    int start = template.indexOf('#');
    String text = template.replace("#", name);
    return new LabelledText(text, List.of(new Finding("PERSON", start, start + name.length(), 1)));
  }

  @Test
  void masksEntities() {
    assertThat(TemplateSplit.mask(person("Ann", "Hi # there"))).isEqualTo("Hi <PERSON> there");
  }

  @Test
  void keepsTemplateOnOneSide() {
    List<LabelledText> texts = new ArrayList<>();
    String[] names = {"Ann", "Bob", "Carla", "Dmitri", "Eve"};
    for (int template = 0; template < 20; template++) {
      for (String name : names) {
        texts.add(person(name, "Template " + template + " is about #."));
      }
    }
    TemplateSplit split = TemplateSplit.of(texts);
    for (LabelledText validation : split.validation()) {
      String masked = TemplateSplit.mask(validation);
      assertThat(split.training()).noneMatch(t -> TemplateSplit.mask(t).equals(masked));
    }
  }

  @Test
  void sendsSomeTemplatesToValidation() {
    List<LabelledText> texts = new ArrayList<>();
    for (int template = 0; template < 20; template++) {
      texts.add(person("Ann", "Template " + template + " is about #."));
    }
    assertThat(TemplateSplit.of(texts).validation()).hasSize(4);
  }
}
