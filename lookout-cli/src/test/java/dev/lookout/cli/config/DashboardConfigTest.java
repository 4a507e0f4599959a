package dev.lookout.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookout.gateway.dashboard.DashboardAuth;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ui.auth} section of lookout.yaml. */
class DashboardConfigTest {
  @TempDir Path dir;

  private DashboardAuth load(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(file, yaml);
    ServeOptions options = new ServeOptions();
    options.config = file;
    return new ConfigLoader(env).load(options).dashboardAuth();
  }

  @Test
  void openWithoutSection() throws Exception {
    assertThat(load("port: 9000\n", Map.of()).scheme()).isEqualTo(DashboardAuth.Scheme.NONE);
  }

  @Test
  void bearerFromDigest() throws Exception {
    DashboardAuth auth =
        load(
            "ui:\n  auth:\n    type: bearer\n    secret_sha256: "
                + DashboardAuth.sha256Hex("token-of-the-team")
                + "\n",
            Map.of());
    assertThat(auth.allows("Bearer token-of-the-team")).isTrue();
  }

  @Test
  void basicFromDefaultVariable() throws Exception {
    DashboardAuth auth =
        load(
            "ui:\n  auth:\n    type: basic\n    user: admin\n",
            Map.of("LOOKOUT_UI_SECRET", "password-from-env"));
    String header =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("admin:password-from-env".getBytes(StandardCharsets.UTF_8));
    assertThat(auth.allows(header)).isTrue();
  }

  @Test
  void missingSecretNamesVariable() {
    assertThatThrownBy(() -> load("ui:\n  auth:\n    type: bearer\n", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LOOKOUT_UI_SECRET");
  }

  @Test
  void unknownTypeRejected() {
    assertThatThrownBy(() -> load("ui:\n  auth:\n    type: oauth\n", Map.of()))
        .hasMessageContaining("ui.auth.type must be bearer or basic");
  }

  @Test
  void bothSecretFormsRejected() {
    assertThatThrownBy(
            () ->
                load(
                    "ui:\n  auth:\n    type: bearer\n    secret_env: X\n    secret_sha256: "
                        + DashboardAuth.sha256Hex("x")
                        + "\n",
                    Map.of()))
        .hasMessageContaining("keep one of them");
  }
}
