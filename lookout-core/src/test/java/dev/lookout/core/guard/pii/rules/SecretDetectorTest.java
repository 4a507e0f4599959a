package dev.lookout.core.guard.pii.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretDetectorTest {
  private final SecretDetector detector = new SecretDetector();

  @Test
  void findsAwsKeyIdAndSecret() {
    String text =
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
            + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    assertThat(Spans.of(detector, text))
        .containsExactlyInAnyOrder(
            "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  }

  @Test
  void findsAwsSecretAfterEquals() {
    String text = "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    assertThat(Spans.of(detector, text))
        .containsExactly("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  }

  @Test
  void skips40CharsBeforePadding() {
    String text = "aws_secret blob wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYAB==";
    assertThat(Spans.of(detector, text)).isEmpty();
  }

  @Test
  void skips40CharsWithoutAwsContext() {
    assertThat(Spans.of(detector, "commit wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).isEmpty();
  }

  @Test
  void findsGithubToken() {
    String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    assertThat(Spans.of(detector, "token: " + token)).containsExactly(token);
  }

  @Test
  void findsSlackToken() {
    String token = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOp";
    assertThat(Spans.of(detector, token)).containsExactly(token);
  }

  @Test
  void findsOpenAiKey() {
    String key = "sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    assertThat(Spans.of(detector, "OPENAI_API_KEY=" + key)).containsExactly(key);
  }

  @Test
  void findsJwt() {
    String jwt =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0"
            + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    assertThat(Spans.of(detector, "Bearer " + jwt)).containsExactly(jwt);
  }

  @Test
  void skipsJwtLookalikeWithoutJsonHeader() {
    assertThat(Spans.of(detector, "eyJub3QganNvbg.eyJhYmNkZWY.abcdefghijkl")).isEmpty();
  }

  @Test
  void findsPemPrivateKey() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nAbCd==\n-----END RSA PRIVATE KEY-----";
    assertThat(Spans.of(detector, "key:\n" + pem + "\n")).containsExactly(pem);
  }

  @Test
  void skipsPublicKey() {
    String pem = "-----BEGIN PUBLIC KEY-----\nMIIBIj\n-----END PUBLIC KEY-----";
    assertThat(Spans.of(detector, pem)).isEmpty();
  }

  @Test
  void skipsShortSkWord() {
    assertThat(Spans.of(detector, "the sk-ills list")).isEmpty();
  }
}
