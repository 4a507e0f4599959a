package dev.lookout.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

/** Reading who made a call and under which template. */
class AttributionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void longUserIsCut() {
    ObjectNode body = JSON.createObjectNode().put("user", "u".repeat(100_000));

    Attribution attribution = Attribution.read(body, MultiMap.caseInsensitiveMultiMap());

    assertThat(attribution.user()).hasSize(Attribution.MAX_USER_CHARS);
  }

  @Test
  void shortUserIsKept() {
    ObjectNode body = JSON.createObjectNode().put("user", "alice");

    assertThat(Attribution.read(body, MultiMap.caseInsensitiveMultiMap()).user())
        .isEqualTo("alice");
  }
}
