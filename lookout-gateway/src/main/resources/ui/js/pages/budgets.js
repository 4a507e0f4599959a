// Budgets: spend of the current UTC day and month against each configured limit, per Lookout
// key, user and team, as the gateway enforces them.

import { getJson } from "../api.js";
import { esc, notice, pct, time, usd } from "../format.js";

export async function render(root) {
  const data = await getJson("/api/v1/budgets");
  if (!data.configured) {
    root.innerHTML = `<h2>Budgets</h2>` + notice("No budget is configured.",
      "Add limits to lookout.yaml and restart the gateway, for example <pre>budgets:\n" +
      "  - {scope: user, id: alice, daily_usd: 5, monthly_usd: 100}\n" +
      "  - {scope: team, id: search, monthly_usd: 2000, soft_threshold: 0.8}</pre>" +
      "Scopes are <code>key</code> (a Lookout key id), <code>user</code> and <code>team</code>.");
    return;
  }
  const cell = (period) => {
    if (period.limit_usd === null) return `<td class="num">${usd(period.spent_usd)}</td><td class="muted">no limit</td>`;
    const used = Math.min(period.used, 1);
    return `<td class="num">${usd(period.spent_usd)} of ${usd(period.limit_usd)}</td>
      <td><div class="bar ${period.used >= 1 ? "over" : ""}" title="${pct(period.used)}">
      <span style="width: ${(100 * used).toFixed(1)}%"></span></div> ${pct(period.used)}</td>`;
  };
  root.innerHTML = `<h2>Budgets</h2>
    <p class="muted">Spend as of ${time(data.as_of)}; days and months are UTC.</p>
    <table id="budget-table"><tr><th>Scope</th><th>Id</th><th class="num">Today</th><th>Used</th>
      <th class="num">This month</th><th>Used</th><th>Alert at</th></tr>
    ${data.budgets.map((b) => `<tr><td>${esc(b.scope)}</td><td><code>${esc(b.id)}</code></td>
      ${cell(b.daily)}${cell(b.monthly)}<td>${pct(b.soft_threshold)}</td></tr>`).join("")}</table>`;
}
