package dev.lookout.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscardedBodyTest {
  @Test
  void errorCodeIsRead() {
    DiscardedBody body =
        body("{\"error\":{\"message\":\"blocked\",\"type\":\"x\",\"code\":\"input_blocked\"}}");
    assertThat(body.errorCode()).isEqualTo("input_blocked");
  }

  @Test
  void codeBeforeCutIsRead() {
    DiscardedBody body = body("{\"error\":{\"code\":\"budget_exceeded\",\"message\":\"spent 2.");
    assertThat(body.errorCode()).isEqualTo("budget_exceeded");
  }

  @Test
  void nestedCodeIsIgnored() {
    DiscardedBody body = body("{\"error\":{\"param\":{\"code\":\"deep\"}},\"code\":\"top\"}");
    assertThat(body.errorCode()).isNull();
  }

  @Test
  void plainTextHasNoCode() {
    assertThat(body("Bad Gateway").errorCode()).isNull();
  }

  private static DiscardedBody body(String head) {
    return new DiscardedBody(head.length(), head, head);
  }
}
