package dev.lookout.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DashboardAuthTest {
  private static final String TOKEN = "dashboard-token-1";
  private static final DashboardAuth BEARER = DashboardAuth.bearer(DashboardAuth.sha256Hex(TOKEN));
  private static final DashboardAuth BASIC =
      DashboardAuth.basic("admin", DashboardAuth.sha256Hex("s3cret-password"));

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void noneAllowsAnyone() {
    assertThat(DashboardAuth.none().allows(null)).isTrue();
  }

  @Test
  void bearerAllowsItsToken() {
    assertThat(BEARER.allows("Bearer " + TOKEN)).isTrue();
  }

  @Test
  void bearerRejectsOtherToken() {
    assertThat(BEARER.allows("Bearer " + TOKEN + "x")).isFalse();
  }

  @Test
  void bearerRejectsMissingHeader() {
    assertThat(BEARER.allows(null)).isFalse();
  }

  @Test
  void bearerRejectsBasicScheme() {
    assertThat(BEARER.allows(basic("x", TOKEN))).isFalse();
  }

  @Test
  void basicAllowsUserAndPassword() {
    assertThat(BASIC.allows(basic("admin", "s3cret-password"))).isTrue();
  }

  @Test
  void basicRejectsOtherUser() {
    assertThat(BASIC.allows(basic("root", "s3cret-password"))).isFalse();
  }

  @Test
  void basicRejectsWrongPassword() {
    assertThat(BASIC.allows(basic("admin", "guess"))).isFalse();
  }

  @Test
  void basicRejectsInvalidBase64() {
    assertThat(BASIC.allows("Basic %%%")).isFalse();
  }

  @Test
  void invalidDigestNamesSetting() {
    assertThatThrownBy(() -> DashboardAuth.bearer("abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ui.auth.secret_sha256");
  }
}
