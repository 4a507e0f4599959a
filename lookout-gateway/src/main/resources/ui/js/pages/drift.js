// Drift: per prompt template the drift state, the test statistic, p-value and distance over
// time, and the responses most responsible for the change.

import { getJson, getOptional } from "../api.js";
import { esc, int, notice, num, time } from "../format.js";
import { lineChart } from "../charts.js";
import { sortableTable } from "../table.js";

let selected = null;

export async function render(root, { since }) {
  const drift = await getOptional("/api/v1/drift");
  if (drift === null) {
    root.innerHTML = `<h2>Drift</h2>` + notice("Drift monitoring is not configured.",
      "Add <pre>drift:\n  enabled: true</pre> to lookout.yaml and restart the gateway. It then " +
      "samples responses per prompt template, embeds them on a worker thread and compares each " +
      "window with the template's baseline.");
    return;
  }
  const templates = drift.templates;
  root.innerHTML = `<h2>Drift</h2><div id="drift-table"></div>
    <div class="charts"><div class="card" id="chart-drift-distance"></div>
      <div class="card" id="chart-drift-p"></div></div>
    <div id="drift-responsible"></div>`;
  if (templates.length === 0) {
    document.getElementById("drift-table").innerHTML = notice("No template has been checked yet.",
      "Drift is checked per prompt template; send calls with the <code>x-lookout-template</code> header.");
    return;
  }
  sortableTable(document.getElementById("drift-table"), [
    { key: "prompt_template", label: "Template", html: (t) => `<code>${esc(t.prompt_template)}</code>` },
    { key: "model", label: "Model" },
    { key: "state", label: "State", html: (t) => `<span class="state-${esc(t.state)}">${esc(t.state)}</span>` },
    { key: "distance", label: "Distance", num: true, html: (t) => num(t.distance, 4) },
    { key: "statistic", label: "Statistic", num: true, html: (t) => num(t.statistic, 4) },
    { key: "p_value", label: "p-value", num: true, html: (t) => num(t.p_value, 4) },
    { key: "baseline_n", label: "Baseline n", num: true, html: (t) => int(t.baseline_n) },
    { key: "window_n", label: "Window n", num: true, html: (t) => int(t.window_n) },
    { key: "checked_at", label: "Checked", html: (t) => time(t.checked_at) },
  ], templates, { sortKey: "distance", onRowClick: (t) => showTemplate(t, since) });
  const first = templates.find((t) => t.prompt_template === selected) ?? templates[0];
  await showTemplate(first, since);
}

async function showTemplate(template, since) {
  selected = template.prompt_template;
  const history = await getJson("/api/v1/drift/history", { template: selected, since });
  const points = history.points;
  const times = points.map((p) => p.checked_at);
  lineChart(document.getElementById("chart-drift-distance"), "drift-distance",
    `Distance over time: ${esc(selected)}`, times,
    [{ label: "distance", values: points.map((p) => p.distance) }]);
  lineChart(document.getElementById("chart-drift-p"), "drift-p",
    `p-value over time: ${esc(selected)}`, times,
    [{ label: "p-value", values: points.map((p) => p.p_value) }]);
  const responsible = template.responsible ?? [];
  document.getElementById("drift-responsible").innerHTML =
    `<h3>Responses most responsible (${esc(selected)})</h3>` + (responsible.length === 0
      ? '<span class="muted">None listed.</span>'
      : `<table><tr><th class="num">Distance</th><th>Response</th></tr>${responsible.map((r) =>
          `<tr><td class="num">${num(r.distance, 3)}</td><td style="white-space: normal">${esc(r.text)}</td></tr>`).join("")}</table>`);
}
