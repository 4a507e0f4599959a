package dev.lookout.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Redacted streams whose events are framed in ways a client reads differently from the common
 * {@code data: ...\n\n}: blank lines made of two kinds of line end, several JSON values in one
 * event, a byte order mark before the first event, and events that are not chat chunks. The client
 * must get no value however it reads them.
 */
class StreamFramingRedactionTest extends FullCaptureGatewayTest {
  private static final String ROLE = "{\"role\":\"assistant\"}";

  private static String mail() throws Exception {
    return RedactingGateway.content("Mail carol@example.com now");
  }

  private String send(String body) throws Exception {
    gateway.upstream.stream(body, 1, 1);
    return gateway.post(RedactingGateway.chat(true)).body();
  }

  private String clientText(String body) throws Exception {
    return RedactingGateway.joined(body, "/choices/0/delta/content");
  }

  @Test
  void lfThenCrlfBlankLine() throws Exception {
    String events = RedactingGateway.chunk(ROLE) + mail() + RedactingGateway.finish("stop");

    String body = send(events.replace("\n\n", "\n\r\n"));

    assertThat(clientText(body)).isEqualTo("Mail [EMAIL] now");
  }

  @Test
  void crlfThenCrBlankLine() throws Exception {
    String events = RedactingGateway.chunk(ROLE) + mail() + RedactingGateway.finish("stop");

    String body = send(events.replace("\n\n", "\r\n\r"));

    assertThat(clientText(body)).isEqualTo("Mail [EMAIL] now");
  }

  @Test
  void secondValueOnDataLineIsDropped() throws Exception {
    String role = RedactingGateway.chunk(ROLE);
    String joined = role.substring(0, role.length() - 2) + " " + mail().substring(6);

    assertThat(send(joined + RedactingGateway.finish("stop"))).doesNotContain("carol@");
  }

  @Test
  void secondDataLineValueIsDropped() throws Exception {
    String role = RedactingGateway.chunk(ROLE);
    String joined = role.substring(0, role.length() - 1) + mail();

    assertThat(send(joined + RedactingGateway.finish("stop"))).doesNotContain("carol@");
  }

  @Test
  void commentIsRedacted() throws Exception {
    String body = send(": retry carol@example.com\n\n" + mail() + RedactingGateway.finish("stop"));

    assertThat(body).contains(": retry [EMAIL]\n\n");
  }

  @Test
  void textDataIsRedacted() throws Exception {
    String body = send("data: carol@example.com\n\n" + RedactingGateway.finish("stop"));

    assertThat(body).contains("data: [EMAIL]\n\n");
  }

  @Test
  void arrayDataIsRedacted() throws Exception {
    String body = send("data: [\"carol@example.com\"]\n\n" + RedactingGateway.finish("stop"));

    assertThat(body).contains("data: [\"[EMAIL]\"]\n\n");
  }

  @Test
  void byteOrderMarkBeforeFirstEvent() throws Exception {
    String body = send("\uFEFF" + mail() + RedactingGateway.finish("stop"));

    assertThat(clientText(body)).isEqualTo("Mail [EMAIL] now");
  }
}
