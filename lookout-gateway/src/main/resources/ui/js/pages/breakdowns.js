// Breakdowns: calls, tokens, cost, error rate and latency percentiles per model, prompt
// template, user or API key, from the query behind `lookout report`.

import { getJson } from "../api.js";
import { esc, int, ms, pct, usd } from "../format.js";
import { sortableTable } from "../table.js";

const GROUPS = [
  ["model", "Model"],
  ["template", "Prompt template"],
  ["user", "User"],
  ["api_key", "API key id"],
];

let by = "model";

export async function render(root, { since, refresh }) {
  const report = await getJson("/api/v1/breakdown", { since, by });
  root.innerHTML = `<h2>Breakdowns</h2>
    <div class="tabs">${GROUPS.map(([key, label]) =>
      `<button data-by="${key}" class="${key === by ? "active" : ""}">${label}</button>`).join("")}</div>
    <p class="muted">Click a column header to sort. "(none)" collects calls without a value.
      ${report.groups_total > report.groups.length
        ? `Showing the ${report.groups.length} groups of highest cost out of ${report.groups_total}.` : ""}</p>
    <div id="breakdown-table"></div>`;
  root.querySelectorAll(".tabs button").forEach((button) =>
    button.addEventListener("click", () => {
      by = button.dataset.by;
      refresh();
    }));
  const label = GROUPS.find(([key]) => key === by)[1];
  sortableTable(document.getElementById("breakdown-table"), [
    { key: "key", label, html: (g) => `<code>${esc(g.key)}</code>` },
    { key: "calls", label: "Calls", num: true, html: (g) => int(g.calls) },
    { key: "error_rate", label: "Error rate", num: true,
      value: (g) => (g.calls ? g.errors / g.calls : 0), html: (g) => pct(g.calls ? g.errors / g.calls : null) },
    { key: "input_tokens", label: "Input tokens", num: true, html: (g) => int(g.input_tokens) },
    { key: "output_tokens", label: "Output tokens", num: true, html: (g) => int(g.output_tokens) },
    { key: "cost_usd", label: "Cost", num: true, value: (g) => Number(g.cost_usd), html: (g) => usd(g.cost_usd) },
    { key: "p50", label: "p50", num: true, value: (g) => g.latency_ms.p50 ?? -1, html: (g) => ms(g.latency_ms.p50) },
    { key: "p95", label: "p95", num: true, value: (g) => g.latency_ms.p95 ?? -1, html: (g) => ms(g.latency_ms.p95) },
    { key: "p99", label: "p99", num: true, value: (g) => g.latency_ms.p99 ?? -1, html: (g) => ms(g.latency_ms.p99) },
  ], report.groups, { sortKey: "cost_usd", className: "breakdown" });
}
