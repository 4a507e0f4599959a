package dev.lookout.gateway.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Access rule of the dashboard and its API, which admits anyone who can reach the port ({@link
 * #none()}), holders of a bearer token, or one user name with a password (HTTP basic auth). Only
 * the SHA-256 of the secret is kept, and presented secrets are compared by their digests in
 * constant time.
 */
public final class DashboardAuth {
  /** Scheme of the {@code Authorization} header that carries the credentials. */
  public enum Scheme {
    NONE,
    BEARER,
    BASIC
  }

  private final Scheme scheme;
  private final String user;
  private final byte[] secretSha256;

  private DashboardAuth(Scheme scheme, String user, byte[] secretSha256) {
    this.scheme = scheme;
    this.user = user;
    this.secretSha256 = secretSha256;
  }

  /** Returns the setting that lets every client of the port read the dashboard. */
  public static DashboardAuth none() {
    return new DashboardAuth(Scheme.NONE, null, null);
  }

  /**
   * Requires {@code Authorization: Bearer TOKEN} where TOKEN hashes to {@code tokenSha256}.
   *
   * @throws IllegalArgumentException if {@code tokenSha256} is not 64 hex digits
   */
  public static DashboardAuth bearer(String tokenSha256) {
    return new DashboardAuth(Scheme.BEARER, null, parseDigest(tokenSha256));
  }

  /**
   * Requires HTTP basic auth with {@code user} and a password that hashes to {@code
   * passwordSha256}.
   *
   * @throws IllegalArgumentException if the user is empty or the digest is not 64 hex digits
   */
  public static DashboardAuth basic(String user, String passwordSha256) {
    if (user == null || user.isBlank() || user.contains(":")) {
      throw new IllegalArgumentException(
          "ui.auth.user must be a non-empty name without ':', got '" + user + "'");
    }
    return new DashboardAuth(Scheme.BASIC, user, parseDigest(passwordSha256));
  }

  /** Returns the hex SHA-256 of {@code secret}, as {@code ui.auth.secret_sha256} expects it. */
  public static String sha256Hex(String secret) {
    return HexFormat.of().formatHex(sha256(secret));
  }

  public Scheme scheme() {
    return scheme;
  }

  /** Returns whether the {@code Authorization} header value grants access. */
  public boolean allows(String authorization) {
    if (scheme == Scheme.NONE) {
      return true;
    }
    if (authorization == null) {
      return false;
    }
    String prefix = scheme == Scheme.BEARER ? "bearer " : "basic ";
    if (!authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return false;
    }
    String credentials = authorization.substring(prefix.length()).trim();
    if (scheme == Scheme.BEARER) {
      return MessageDigest.isEqual(sha256(credentials), secretSha256);
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    boolean userMatches = MessageDigest.isEqual(sha256(decoded.substring(0, colon)), sha256(user));
    boolean passwordMatches =
        MessageDigest.isEqual(sha256(decoded.substring(colon + 1)), secretSha256);
    return userMatches & passwordMatches;
  }

  /** Returns the {@code WWW-Authenticate} challenge sent with a 401. */
  public String challenge() {
    return scheme == Scheme.BASIC
        ? "Basic realm=\"lookout\", charset=\"UTF-8\""
        : "Bearer realm=\"lookout\"";
  }

  private static byte[] parseDigest(String hex) {
    String value = hex == null ? "" : hex.trim().toLowerCase(Locale.ROOT);
    if (!value.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "ui.auth.secret_sha256 must be 64 hex digits, got "
              + value.length()
              + " characters; compute it with: printf %s 'SECRET' | sha256sum");
    }
    return HexFormat.of().parseHex(value);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
