package dev.lookout.core.budget;

/**
 * A Lookout API key: separate from the provider's key, it identifies the caller for attribution and
 * budgets. The key itself is never kept, only the SHA-256 of it.
 *
 * @param id name recorded as the call's {@code api_key_id}
 * @param sha256 lower-case hex SHA-256 of the key's UTF-8 bytes
 * @param user user the key belongs to, or null to take the user from the request
 * @param team team the key belongs to, or null
 */
public record LookoutKey(String id, String sha256, String user, String team) {
  public LookoutKey {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("keys: every key needs an id");
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "keys: key '"
              + id
              + "' needs sha256, the 64 lower-case hex digits of the key's SHA-256"
              + " (for example from: printf %s \"$KEY\" | sha256sum)");
    }
  }
}
