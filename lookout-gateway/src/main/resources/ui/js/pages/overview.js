// Overview: totals for the range (the same query as `lookout report`) and calls, errors, cost
// and latency percentiles over time.

import { getJson } from "../api.js";
import { int, ms, pct, usd } from "../format.js";
import { lineChart } from "../charts.js";

export async function render(root, { since }) {
  const [series, report] = await Promise.all([
    getJson("/api/v1/timeseries", { since }),
    getJson("/api/v1/breakdown", { since, by: "model" }),
  ]);
  const total = report.total;
  const tiles = [
    ["calls", "Calls", int(total.calls)],
    ["errors", "Errors", `${int(total.errors)} (${pct(total.calls ? total.errors / total.calls : null)})`],
    ["cost", "Cost", usd(total.cost_usd)],
    ["p50", "Latency p50", ms(total.latency_ms.p50)],
    ["p95", "Latency p95", ms(total.latency_ms.p95)],
    ["p99", "Latency p99", ms(total.latency_ms.p99)],
    ["tokens", "Tokens in / out", `${int(total.input_tokens)} / ${int(total.output_tokens)}`],
  ];
  root.innerHTML = `<h2>Overview</h2>
    <div class="tiles">${tiles.map(([id, label, value]) =>
      `<div class="tile"><div class="label">${label}</div><div class="value" data-tile="${id}">${value}</div></div>`).join("")}
    </div>
    <div class="charts">
      <div class="card" id="chart-calls"></div>
      <div class="card" id="chart-cost"></div>
      <div class="card" id="chart-latency"></div>
      <div class="card" id="chart-tokens"></div>
    </div>
    <p class="muted">Buckets of ${series.bucket_seconds} s since ${series.since}.</p>`;
  const points = series.points;
  const times = points.map((p) => p.t);
  const range = { since: series.since };
  lineChart(document.getElementById("chart-calls"), "calls", "Calls and errors per bucket", times, [
    { label: "calls", values: points.map((p) => p.calls) },
    { label: "errors", values: points.map((p) => p.errors) },
  ], range);
  lineChart(document.getElementById("chart-cost"), "cost", "Cost per bucket (USD)", times, [
    { label: "cost USD", values: points.map((p) => Number(p.cost_usd)) },
  ], range);
  lineChart(document.getElementById("chart-latency"), "latency", "Latency percentiles (ms)", times, [
    { label: "p50", values: points.map((p) => p.latency_ms.p50) },
    { label: "p95", values: points.map((p) => p.latency_ms.p95) },
    { label: "p99", values: points.map((p) => p.latency_ms.p99) },
  ], range);
  lineChart(document.getElementById("chart-tokens"), "tokens", "Tokens per bucket", times, [
    { label: "input", values: points.map((p) => p.input_tokens) },
    { label: "output", values: points.map((p) => p.output_tokens) },
  ], range);
}
