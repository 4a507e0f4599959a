package dev.lookout.cli.config;

import dev.lookout.gateway.dashboard.DashboardAuth;
import java.util.Locale;
import java.util.Map;

/** Builds the dashboard's access setting from the {@code ui.auth:} section of lookout.yaml. */
final class DashboardConfig {
  /** Variable read for the secret when {@code ui.auth.secret_env} names none. */
  static final String DEFAULT_SECRET_ENV = "LOOKOUT_UI_SECRET";

  private DashboardConfig() {}

  static DashboardAuth from(ConfigFile.Ui ui, Map<String, String> env) {
    if (ui == null || ui.auth() == null) {
      return DashboardAuth.none();
    }
    ConfigFile.UiAuth auth = ui.auth();
    String type = auth.type() == null ? "" : auth.type().trim().toLowerCase(Locale.ROOT);
    if (!type.equals("bearer") && !type.equals("basic")) {
      throw new IllegalArgumentException(
          "ui.auth.type must be bearer or basic, got '" + auth.type() + "'");
    }
    String digest = secretSha256(auth, env);
    return type.equals("bearer")
        ? DashboardAuth.bearer(digest)
        : DashboardAuth.basic(auth.user(), digest);
  }

  private static String secretSha256(ConfigFile.UiAuth auth, Map<String, String> env) {
    if (auth.secretSha256() != null) {
      if (auth.secretEnv() != null) {
        throw new IllegalArgumentException(
            "ui.auth sets both secret_sha256 and secret_env; keep one of them");
      }
      return auth.secretSha256();
    }
    String variable = auth.secretEnv() == null ? DEFAULT_SECRET_ENV : auth.secretEnv();
    String secret = env.get(variable);
    if (secret == null || secret.length() < 12) {
      throw new IllegalArgumentException(
          "ui.auth needs secret_sha256, or a secret of at least 12 characters in the environment"
              + " variable "
              + variable
              + "; set one of them, or remove ui.auth to leave the dashboard open on its address");
    }
    return DashboardAuth.sha256Hex(secret);
  }
}
