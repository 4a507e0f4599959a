package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Provider error bodies through a redacting gateway. Besides {@code error.message}, a provider may
 * quote the request in other fields ({@code detail}, OpenRouter's {@code error.metadata.raw}) or
 * reply in plain text, and any of them may contain personal data.
 */
class ErrorBodyRedactionTest extends FullCaptureGatewayTest {
  private String respond(int status, String contentType, String body) throws Exception {
    gateway.upstream.respond(status, contentType, body);
    return gateway.post(RedactingGateway.chat(false)).body();
  }

  @Test
  void detailFieldIsRedacted() throws Exception {
    String body =
        respond(422, "application/json", "{\"detail\":\"Unknown user carol@example.com\"}");

    assertThat(body).isEqualTo("{\"detail\":\"Unknown user [EMAIL]\"}");
  }

  @Test
  void nestedErrorFieldIsRedacted() throws Exception {
    String body =
        respond(
            400,
            "application/json",
            "{\"error\":{\"message\":\"Provider error\",\"metadata\":{\"raw\":[\"carol@example.com\"]}}}");

    assertThat(body).doesNotContain("carol@");
  }

  @Test
  void plainTextErrorIsRedacted() throws Exception {
    String body = respond(500, "text/plain", "Could not mail carol@example.com");

    assertThat(body).isEqualTo("Could not mail [EMAIL]");
  }

  @Test
  void plainTextSuccessIsRedacted() throws Exception {
    String body = respond(200, "text/plain", "Mail carol@example.com now");

    assertThat(body).isEqualTo("Mail [EMAIL] now");
  }

  @Test
  void storedErrorIsRedacted() throws Exception {
    respond(422, "application/json", "{\"detail\":\"Unknown user carol@example.com\"}");

    assertThat(gateway.storedResponse().path("detail").asText()).isEqualTo("Unknown user [EMAIL]");
  }
}
