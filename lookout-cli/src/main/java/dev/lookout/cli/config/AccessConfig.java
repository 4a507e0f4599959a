package dev.lookout.cli.config;

import dev.lookout.core.budget.BudgetLedger;
import dev.lookout.core.budget.BudgetLimit;
import dev.lookout.core.budget.BudgetScope;
import dev.lookout.core.budget.KeyRing;
import dev.lookout.core.budget.LookoutKey;
import dev.lookout.gateway.access.AccessSettings;
import dev.lookout.gateway.proxy.Attribution;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the gateway's keys, budgets and webhook from the {@code lookout.yaml} sections. */
final class AccessConfig {
  private AccessConfig() {}

  static AccessSettings from(ConfigFile file) {
    List<LookoutKey> keys = new ArrayList<>();
    if (file.keys() != null) {
      for (ConfigFile.Key key : file.keys()) {
        String sha =
            key.sha256() == null ? null : key.sha256().trim().toLowerCase(java.util.Locale.ROOT);
        requireUserLength("keys", key.user());
        keys.add(new LookoutKey(key.id(), sha, key.user(), key.team()));
      }
    }
    Map<String, String> teams = new HashMap<>();
    if (file.users() != null) {
      for (ConfigFile.User user : file.users()) {
        if (user.id() == null || user.team() == null) {
          throw new IllegalArgumentException("users: every entry needs an id and a team");
        }
        requireUserLength("users", user.id());
        teams.put(user.id(), user.team());
      }
    }
    List<BudgetLimit> budgets = new ArrayList<>();
    if (file.budgets() != null) {
      for (int i = 0; i < file.budgets().size(); i++) {
        ConfigFile.Budget budget = file.budgets().get(i);
        if ("user".equals(budget.scope())) {
          requireUserLength("budgets", budget.id());
        }
        try {
          budgets.add(
              new BudgetLimit(
                  BudgetScope.parse(budget.scope()),
                  budget.id(),
                  budget.dailyUsd(),
                  budget.monthlyUsd(),
                  budget.softThreshold()));
        } catch (IllegalArgumentException e) {
          // The entry's index lets the loader name the file that sets it.
          throw new IllegalArgumentException("budgets[" + i + "]: " + e.getMessage(), e);
        }
      }
    }
    boolean required = Boolean.TRUE.equals(file.requireKey());
    return new AccessSettings(
        new KeyRing(keys, teams, required),
        new BudgetLedger(budgets),
        webhook(file.budgetWebhook()));
  }

  /**
   * Rejects a user id the gateway could never match: it cuts a request's user id to {@link
   * Attribution#MAX_USER_CHARS} characters, so a longer configured id would never apply.
   */
  private static void requireUserLength(String section, String user) {
    if (user != null && user.length() > Attribution.MAX_USER_CHARS) {
      throw new IllegalArgumentException(
          section
              + ": user id '"
              + user.substring(0, 40)
              + "...' is "
              + user.length()
              + " characters; the gateway keeps the first "
              + Attribution.MAX_USER_CHARS
              + " of a request's user id, so shorten it to at most that");
    }
  }

  private static URI webhook(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(text.trim());
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new URISyntaxException(text, "not an http or https URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "budget_webhook must be an http or https URL, got '" + text + "'", e);
    }
  }
}
