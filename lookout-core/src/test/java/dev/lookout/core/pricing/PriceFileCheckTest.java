package dev.lookout.core.pricing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A user's price file is checked before any of its prices is used. */
class PriceFileCheckTest {
  private static void load(String json) throws Exception {
    PriceTable.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  @Test
  void misspeltFieldIsRejected() {
    assertThatThrownBy(
            () ->
                load(
                    "{\"models\":{\"m1\":{\"input\":\"1\",\"output\":\"2\",\"cached_inptu\":\"0.1\"}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cached_inptu");
  }

  @Test
  void absurdPriceIsRejected() {
    assertThatThrownBy(
            () ->
                load(
                    "{\"models\":{\"m1\":{\"input\":\"1\","
                        + "\"output\":\"999999999999999999999999999999\"}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 1000000");
  }

  @Test
  void negativePriceIsRejected() {
    assertThatThrownBy(() -> load("{\"models\":{\"m1\":{\"input\":\"-1\",\"output\":\"2\"}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'input'");
  }
}
