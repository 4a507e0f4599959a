package dev.lookout.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextPiecesTest {
  @Test
  void piecesJoinToOriginal() {
    String text =
        "  Hello, world!\n\n1. A list item\twith tabs and https://example.com/a/long/path";

    assertThat(String.join("", TextPieces.split(text))).isEqualTo(text);
  }

  @Test
  void wordsStartPieces() {
    assertThat(TextPieces.split("Hi there\nyou")).containsExactly("Hi", " there", "\nyou");
  }

  @Test
  void longWordsAreCut() {
    List<String> pieces = TextPieces.split("a".repeat(30));

    assertThat(pieces).allMatch(piece -> piece.length() <= TextPieces.MAX_PIECE_CHARS);
    assertThat(pieces).hasSize(3);
  }

  @Test
  void surrogatePairsStayWhole() {
    String text = "abcdefghijk\uD83D\uDE00xyz";
    List<String> pieces = TextPieces.split(text);

    assertThat(pieces.get(0)).isEqualTo("abcdefghijk");
    assertThat(String.join("", pieces)).isEqualTo(text);
  }

  @Test
  void emptyTextHasNoPieces() {
    assertThat(TextPieces.split("")).isEmpty();
  }
}
