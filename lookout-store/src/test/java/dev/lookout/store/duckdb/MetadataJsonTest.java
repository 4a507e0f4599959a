package dev.lookout.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MetadataJsonTest {

  @Test
  void writeSortsKeys() {
    assertThat(MetadataJson.write(Map.of("team", "search", "app", "web")))
        .isEqualTo("{\"app\":\"web\",\"team\":\"search\"}");
  }

  @Test
  void writeEmptyIsNull() {
    assertThat(MetadataJson.write(Map.of())).isNull();
  }

  @Test
  void writeMatchesJackson() throws Exception {
    Map<String, String> metadata =
        Map.of("q\"uote", "back\\slash", "line", "a\nb\tc\u0001", "ünï", "日本 \u2028 /");
    String expected = new ObjectMapper().writeValueAsString(new TreeMap<>(metadata));
    assertThat(MetadataJson.write(metadata)).isEqualTo(expected);
  }

  @Test
  void readRoundTrips() {
    Map<String, String> metadata = Map.of("k\"", "v\\\n\u0000", "team", "search");
    assertThat(MetadataJson.read(MetadataJson.write(metadata))).isEqualTo(metadata);
  }
}
