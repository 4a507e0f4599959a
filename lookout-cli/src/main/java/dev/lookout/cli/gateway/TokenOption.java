package dev.lookout.cli.gateway;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --token} option of commands that can ask a running gateway. */
public final class TokenOption {
  @Option(
      names = "--token",
      paramLabel = "SECRET",
      description =
          "Secret of a gateway with ui.auth (default: the environment variable that"
              + " ui.auth.secret_env names, else LOOKOUT_UI_SECRET).")
  public String token;

  /** Resolves the credential with {@code config} (or null) and the process environment. */
  public GatewayCredential credential(Path config) {
    return credential(config, System.getenv());
  }

  GatewayCredential credential(Path config, Map<String, String> env) {
    return GatewayCredential.resolve(token, config, env);
  }
}
