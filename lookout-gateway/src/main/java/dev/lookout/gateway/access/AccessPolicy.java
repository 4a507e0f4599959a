package dev.lookout.gateway.access;

import dev.lookout.core.budget.BudgetBreach;
import dev.lookout.core.budget.BudgetLedger;
import dev.lookout.core.budget.BudgetLimit;
import dev.lookout.core.budget.BudgetScope;
import dev.lookout.core.budget.CallOwner;
import dev.lookout.core.budget.KeyRing;
import dev.lookout.core.budget.LookoutKey;
import dev.lookout.gateway.error.GatewayError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a call may proceed: it authenticates the Lookout key, names the call's owner and
 * checks the owner's budgets. Runs on the event loop before anything is sent upstream; it only
 * reads memory.
 */
public final class AccessPolicy {
  /** Header that carries the Lookout key; like every x-lookout-* header it is not forwarded. */
  public static final String KEY_HEADER = "x-lookout-key";

  private final KeyRing keys;
  private final BudgetLedger ledger;
  private final BudgetAlerts alerts;

  public AccessPolicy(KeyRing keys, BudgetLedger ledger, BudgetAlerts alerts) {
    this.keys = keys;
    this.ledger = ledger;
    this.alerts = alerts;
  }

  /** Returns a policy with no keys and no budgets: every call proceeds. */
  public static AccessPolicy open() {
    return new AccessPolicy(KeyRing.open(), new BudgetLedger(List.of()), BudgetAlerts.none());
  }

  public BudgetLedger ledger() {
    return ledger;
  }

  /**
   * Returns the owner of a call, or the error that stops it.
   *
   * @param presentedKey the {@value #KEY_HEADER} header, or null
   * @param requestUser the user the request names, or null
   */
  public Decision decide(String presentedKey, String requestUser, Instant now) {
    LookoutKey key = null;
    String presented = presentedKey == null ? "" : utf8(presentedKey).trim();
    if (!presented.isEmpty()) {
      Optional<LookoutKey> found = keys.find(presented);
      if (found.isEmpty()) {
        return Decision.reject(
            GatewayError.INVALID_LOOKOUT_KEY,
            "The Lookout key in "
                + KEY_HEADER
                + " is not configured; check the key or add its"
                + " sha256 under keys in lookout.yaml");
      }
      key = found.get();
    } else if (keys.required()) {
      return Decision.reject(
          GatewayError.MISSING_LOOKOUT_KEY,
          "This gateway requires a Lookout key; send it in the " + KEY_HEADER + " header");
    }
    CallOwner owner = keys.owner(key, requestUser);
    Optional<BudgetBreach> breach = ledger.check(owner, now);
    if (breach.isPresent()) {
      return Decision.reject(GatewayError.BUDGET_EXCEEDED, breach.get().message(), owner);
    }
    return new Decision(owner, null, null);
  }

  /**
   * Returns a header value read as UTF-8. HTTP servers hand header bytes over as ISO-8859-1
   * characters, one per byte, so a key with non-ASCII characters would otherwise never match its
   * SHA-256, which is computed over UTF-8.
   */
  private static String utf8(String header) {
    return new String(
        header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Returns whether {@code user} is named in configuration (users list, a key's user, or a budget
   * of scope user), so that its spend must stay attributable under that exact id.
   */
  public boolean isConfiguredUser(String user) {
    if (keys.isConfiguredUser(user)) {
      return true;
    }
    for (BudgetLimit budget : ledger.budgets()) {
      if (budget.scope() == BudgetScope.USER && budget.id().equals(user)) {
        return true;
      }
    }
    return false;
  }

  /** Charges a finished call's cost to its owner's budgets and raises any soft alerts. */
  public void charge(CallOwner owner, BigDecimal cost, Instant at) {
    if (owner == null || cost == null) {
      return;
    }
    for (BudgetBreach crossed : ledger.charge(owner, cost, at)) {
      alerts.softLimitReached(crossed);
    }
  }

  /**
   * The outcome of {@link #decide}.
   *
   * @param owner who pays; null only when the key was missing or invalid
   * @param error the error to respond with, or null when the call proceeds
   */
  public record Decision(CallOwner owner, GatewayError error, String message) {
    static Decision reject(GatewayError error, String message) {
      return new Decision(null, error, message);
    }

    static Decision reject(GatewayError error, String message, CallOwner owner) {
      return new Decision(owner, error, message);
    }

    public boolean allowed() {
      return error == null;
    }
  }
}
