package dev.lookout.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetLedgerTest {
  private static final Instant NOON = Instant.parse("2026-12-04T12:00:00Z");
  private static final CallOwner ALICE = new CallOwner("k1", "alice", "search");

  private static BudgetLedger ledger(BudgetLimit... limits) {
    return new BudgetLedger(List.of(limits));
  }

  @Test
  void underLimitPasses() {
    BudgetLedger ledger =
        ledger(new BudgetLimit(BudgetScope.USER, "alice", new BigDecimal("1"), null, null));
    ledger.charge(ALICE, new BigDecimal("0.999999999"), NOON);

    assertThat(ledger.check(ALICE, NOON)).isEmpty();
  }

  @Test
  void atLimitBreaches() {
    BudgetLedger ledger =
        ledger(new BudgetLimit(BudgetScope.TEAM, "search", new BigDecimal("1"), null, null));
    ledger.charge(ALICE, new BigDecimal("0.5"), NOON);
    ledger.charge(ALICE, new BigDecimal("0.5"), NOON);

    assertThat(ledger.check(ALICE, NOON)).isPresent();
  }

  @Test
  void spendWithoutBudgetIsNotKept() {
    BudgetLedger ledger =
        ledger(new BudgetLimit(BudgetScope.TEAM, "search", new BigDecimal("1"), null, null));
    ledger.charge(ALICE, new BigDecimal("0.5"), NOON);

    assertThat(ledger.spent(BudgetScope.USER, "alice", BudgetPeriod.DAILY, NOON)).isZero();
  }

  @Test
  void dailySpendResetsNextDay() {
    BudgetLedger ledger =
        ledger(new BudgetLimit(BudgetScope.KEY, "k1", new BigDecimal("1"), null, null));
    ledger.charge(ALICE, new BigDecimal("2"), NOON);

    assertThat(ledger.check(ALICE, NOON.plusSeconds(86_400))).isEmpty();
  }

  @Test
  void monthlySpendSpansDays() {
    BudgetLedger ledger =
        ledger(new BudgetLimit(BudgetScope.USER, "alice", null, new BigDecimal("3"), null));
    ledger.charge(ALICE, new BigDecimal("2"), Instant.parse("2026-12-01T08:00:00Z"));
    ledger.charge(ALICE, new BigDecimal("1"), NOON);

    assertThat(ledger.check(ALICE, NOON)).isPresent();
    assertThat(ledger.check(ALICE, Instant.parse("2027-01-01T00:00:00Z"))).isEmpty();
  }

  @Test
  void softAlertFiresOncePerPeriod() {
    BudgetLedger ledger =
        ledger(
            new BudgetLimit(
                BudgetScope.USER, "alice", new BigDecimal("10"), null, new BigDecimal("0.8")));

    assertThat(ledger.charge(ALICE, new BigDecimal("7.99"), NOON)).isEmpty();
    assertThat(ledger.charge(ALICE, new BigDecimal("0.01"), NOON)).hasSize(1);
    assertThat(ledger.charge(ALICE, new BigDecimal("1"), NOON)).isEmpty();
  }

  @Test
  void restoreRaisesNoAlert() {
    BudgetLedger ledger =
        ledger(new BudgetLimit(BudgetScope.USER, "alice", new BigDecimal("10"), null, null));
    ledger.restore(ALICE, new BigDecimal("9"), NOON);

    assertThat(ledger.charge(ALICE, new BigDecimal("0.5"), NOON)).isEmpty();
    assertThat(ledger.spent(BudgetScope.USER, "alice", BudgetPeriod.DAILY, NOON))
        .isEqualByComparingTo("9.5");
  }

  @Test
  void sumsAreExact() {
    BudgetLedger ledger =
        ledger(new BudgetLimit(BudgetScope.KEY, "k1", null, new BigDecimal("1"), null));
    for (int i = 0; i < 100_000; i++) {
      ledger.charge(ALICE, new BigDecimal("0.000000001"), NOON);
    }

    assertThat(ledger.spent(BudgetScope.KEY, "k1", BudgetPeriod.MONTHLY, NOON))
        .isEqualByComparingTo("0.0001");
  }

  @Test
  void duplicateBudgetIsRejected() {
    BudgetLimit limit = new BudgetLimit(BudgetScope.USER, "alice", BigDecimal.ONE, null, null);

    assertThatThrownBy(() -> ledger(limit, limit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alice");
  }

  @Test
  void budgetNeedsALimit() {
    assertThatThrownBy(() -> new BudgetLimit(BudgetScope.USER, "bob", null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("daily_usd");
  }

  @Test
  void keyUserWinsOverRequest() {
    KeyRing ring =
        new KeyRing(
            List.of(new LookoutKey("k1", KeyRing.sha256("secret"), "svc", null)),
            java.util.Map.of("svc", "platform"),
            false);

    CallOwner owner = ring.owner(ring.find("secret").orElseThrow(), "mallory");

    assertThat(owner.userId()).isEqualTo("svc");
    assertThat(owner.teamId()).isEqualTo("platform");
  }
}
