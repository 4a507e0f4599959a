package dev.lookout.core.guard.pii.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookout.core.guard.Finding;
import dev.lookout.core.guard.pii.eval.LabelledText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {
  @Test
  void bundledFindsLabelledName() {
    String text = "Date: 1970-09-29 20:21:24\nName: Sieuwerd Heuver\nPhone: 0496 46 46 70";
    List<Finding> findings = EntityTagger.bundled().detect(text);
    assertThat(findings)
        .anyMatch(f -> f.type().equals("PERSON") && text.startsWith("Sieuwerd", f.start()));
  }

  @Test
  void scoresAreProbabilities() {
    List<Finding> findings = EntityTagger.bundled().detect("Name: Julie Eriksson");
    assertThat(findings).isNotEmpty();
    assertThat(findings).allMatch(f -> f.score() > 0 && f.score() < 1);
  }

  @Test
  void tokenizerSplitsPunctuation() {
    Tokens tokens = Tokens.of("Apt. 5,\nOslo");
    assertThat(tokens.size).isEqualTo(5);
  }

  @Test
  void goldTagsUseBio() {
    Tokens tokens = Tokens.of("I am Ann Lee");
    Tag[] tags = TaggerTrainer.goldTags(tokens, List.of(new Finding("PERSON", 5, 12, 1)));
    assertThat(tags).containsExactly(Tag.O, Tag.O, Tag.B_PERSON, Tag.I_PERSON);
  }

  @Test
  void trainedWeightsSurviveWriteAndRead() throws IOException {
    List<LabelledText> texts = new ArrayList<>();
    for (String name : List.of("Ann Lee", "Bob Stone", "Cara Diaz", "Dan Ray")) {
      String text = "Name: " + name;
      texts.add(new LabelledText(text, List.of(new Finding("PERSON", 6, text.length(), 1))));
    }
    TaggerWeights weights = TaggerTrainer.train(texts, 5);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    weights.write(out);
    TaggerWeights read = TaggerWeights.read(new ByteArrayInputStream(out.toByteArray()));
    List<Finding> findings = new EntityTagger(read).detect("Name: Cara Diaz");
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).start()).isEqualTo(6);
  }
}
