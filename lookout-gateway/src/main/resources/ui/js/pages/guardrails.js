// Guardrails: calls the guards blocked, redacted or flagged, over time, by guard and reason.

import { getJson } from "../api.js";
import { esc, int, notice } from "../format.js";
import { lineChart } from "../charts.js";
import { sortableTable } from "../table.js";

export async function render(root, { since }) {
  const data = await getJson("/api/v1/guards", { since });
  const points = data.points;
  root.innerHTML = `<h2>Guardrails</h2>
    <div class="charts"><div class="card" id="chart-guard-actions"></div>
      <div class="card" id="chart-guard-reasons"></div></div>
    <h3>By guard, action and reason</h3><div id="guard-table"></div>`;
  if (points.length === 0) {
    root.querySelector(".charts").innerHTML = notice("No guard acted in this range.",
      "Guards run on every call unless turned off under <code>guards:</code> in lookout.yaml " +
      "(<code>guards: {injection: {enabled: true}, pii: {enabled: true}}</code>).");
  } else {
    const times = [...new Set(points.map((p) => p.t))].sort();
    const seriesOf = (keyOf) => {
      const keys = [...new Set(points.map(keyOf))].sort();
      return keys.map((key) => ({
        label: key,
        values: times.map((t) => points.filter((p) => p.t === t && keyOf(p) === key)
          .reduce((sum, p) => sum + p.calls, 0)),
      }));
    };
    lineChart(document.getElementById("chart-guard-actions"), "guard-actions",
      "Calls per bucket by action", times, seriesOf((p) => p.action), { since: data.since });
    lineChart(document.getElementById("chart-guard-reasons"), "guard-reasons",
      "Calls per bucket by guard and reason", times, seriesOf((p) => p.reason),
      { since: data.since });
  }
  const totals = new Map();
  for (const p of points) {
    const key = `${p.guard}|${p.direction}|${p.action}|${p.reason}`;
    const row = totals.get(key) ?? { guard: p.guard, direction: p.direction, action: p.action, reason: p.reason, calls: 0 };
    row.calls += p.calls;
    totals.set(key, row);
  }
  sortableTable(document.getElementById("guard-table"), [
    { key: "guard", label: "Guard" },
    { key: "direction", label: "Direction" },
    { key: "action", label: "Action", html: (r) => `<span class="${r.action === "block" ? "bad" : ""}">${esc(r.action)}</span>` },
    { key: "reason", label: "Reason", html: (r) => `<code>${esc(r.reason)}</code>` },
    { key: "calls", label: "Calls", num: true, html: (r) => int(r.calls) },
  ], [...totals.values()], { sortKey: "calls" });
}
