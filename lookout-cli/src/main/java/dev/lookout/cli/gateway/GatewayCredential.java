package dev.lookout.cli.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Authorization} header that commands send to a running gateway whose dashboard and
 * {@code /api/v1} routes require {@code ui.auth}. The secret is {@code --token}, else the
 * environment variable that {@code ui.auth.secret_env} names ({@code LOOKOUT_UI_SECRET} by
 * default); {@code ui.auth.type: basic} sends it as the password of {@code ui.auth.user}.
 */
public final class GatewayCredential {
  /** Variable read for the secret when {@code ui.auth.secret_env} names none. */
  public static final String DEFAULT_SECRET_ENV = "LOOKOUT_UI_SECRET";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String variable;
  private final Optional<String> authorization;

  private GatewayCredential(String variable, Optional<String> authorization) {
    this.variable = variable;
    this.authorization = authorization;
  }

  /**
   * Resolves the credential.
   *
   * @param token the {@code --token} option, or null
   * @param config the {@code --config} option, or null for {@code LOOKOUT_CONFIG} or {@code
   *     ./lookout.yaml}
   * @param env the environment
   */
  public static GatewayCredential resolve(String token, Path config, Map<String, String> env) {
    JsonNode auth = uiAuth(configPath(config, env));
    String variable = auth.path("secret_env").asText(DEFAULT_SECRET_ENV);
    String secret = token != null ? token : env.get(variable);
    if (secret == null || secret.isEmpty()) {
      return new GatewayCredential(variable, Optional.empty());
    }
    String type = auth.path("type").asText("bearer").trim().toLowerCase(Locale.ROOT);
    if (type.equals("basic")) {
      String pair = auth.path("user").asText("") + ":" + secret;
      return new GatewayCredential(
          variable,
          Optional.of(
              "Basic "
                  + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
    }
    return new GatewayCredential(variable, Optional.of("Bearer " + secret));
  }

  /** Returns the {@code Authorization} header value, if a secret was found. */
  public Optional<String> authorization() {
    return authorization;
  }

  /** Returns the error for an HTTP 401 from the gateway at {@code base}. */
  public IllegalArgumentException rejected(String base) {
    String what =
        authorization.isPresent()
            ? " rejected the dashboard credential (ui.auth); check the secret in --token or "
                + variable
            : " requires the dashboard credential (ui.auth); set the environment variable "
                + variable
                + " to the secret, or pass --token SECRET";
    return new IllegalArgumentException("The gateway at " + base + what);
  }

  private static Path configPath(Path config, Map<String, String> env) {
    if (config != null) {
      return config;
    }
    String fromEnv = env.get("LOOKOUT_CONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    return Path.of("lookout.yaml");
  }

  /** Returns {@code ui.auth} of the file, or a missing node when there is none or it is unread. */
  private static JsonNode uiAuth(Path file) {
    if (!Files.isRegularFile(file)) {
      return YAML.missingNode();
    }
    try {
      JsonNode tree = YAML.readTree(file.toFile());
      return tree == null ? YAML.missingNode() : tree.path("ui").path("auth");
    } catch (IOException e) {
      // The command reports a broken file where it loads the full configuration; without a
      // readable ui.auth the defaults apply.
      return YAML.missingNode();
    }
  }
}
