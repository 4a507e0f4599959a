package dev.lookout.core.budget;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured Lookout keys and the users' teams, which together decide who owns a call. Keys are
 * matched by the SHA-256 of what the client presents, so configuration never holds a key.
 */
public final class KeyRing {
  private final Map<String, LookoutKey> keysByHash = new HashMap<>();
  private final Map<String, String> teamsByUser;
  private final boolean required;

  /**
   * @param required whether every call must present a valid key
   * @throws IllegalArgumentException if two keys share an id or a hash
   */
  public KeyRing(List<LookoutKey> keys, Map<String, String> teamsByUser, boolean required) {
    Map<String, LookoutKey> byId = new HashMap<>();
    for (LookoutKey key : keys) {
      if (byId.put(key.id(), key) != null) {
        throw new IllegalArgumentException("keys: id '" + key.id() + "' is listed twice");
      }
      if (keysByHash.put(key.sha256(), key) != null) {
        throw new IllegalArgumentException(
            "keys: key '" + key.id() + "' has the same sha256 as another key");
      }
    }
    this.teamsByUser = Map.copyOf(teamsByUser);
    this.required = required;
    if (required && keys.isEmpty()) {
      throw new IllegalArgumentException(
          "require_key is true but no keys are configured; add keys or set require_key: false");
    }
  }

  /** Returns a ring with no keys that lets every call through. */
  public static KeyRing open() {
    return new KeyRing(List.of(), Map.of(), false);
  }

  /**
   * Returns whether {@code user} is named in configuration: in the users list or as a key's user.
   */
  public boolean isConfiguredUser(String user) {
    if (teamsByUser.containsKey(user)) {
      return true;
    }
    for (LookoutKey key : keysByHash.values()) {
      if (user.equals(key.user())) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether calls without a key are rejected. */
  public boolean required() {
    return required;
  }

  /** Returns the key whose SHA-256 matches {@code presented}. */
  public Optional<LookoutKey> find(String presented) {
    return Optional.ofNullable(keysByHash.get(sha256(presented)));
  }

  /**
   * Returns the owner of a call: the key's user wins over the user the request names, and the key's
   * team over the user's team.
   */
  public CallOwner owner(LookoutKey key, String requestUser) {
    String user = key != null && key.user() != null ? key.user() : requestUser;
    String team = key != null && key.team() != null ? key.team() : teamOf(user);
    return new CallOwner(key == null ? null : key.id(), user, team);
  }

  /** Returns the owner of a stored call, from its key id and user id. */
  public CallOwner ownerOf(String keyId, String userId) {
    LookoutKey key = null;
    if (keyId != null) {
      for (LookoutKey candidate : keysByHash.values()) {
        if (candidate.id().equals(keyId)) {
          key = candidate;
          break;
        }
      }
    }
    if (key == null) {
      return new CallOwner(keyId, userId, teamOf(userId));
    }
    return owner(key, userId);
  }

  private String teamOf(String user) {
    return user == null ? null : teamsByUser.get(user);
  }

  /** Returns the lower-case hex SHA-256 of {@code text} in UTF-8. */
  public static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
