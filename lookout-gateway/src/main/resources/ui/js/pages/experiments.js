// Experiments: per variant and metric the estimate, its 95% interval, the p-values (fixed and
// sequential), the sample-ratio-mismatch warning and the sample size still needed.

import { getJson, getOptional } from "../api.js";
import { esc, int, notice, num, pct, time } from "../format.js";

let selected = null;

export async function render(root) {
  const list = await getOptional("/api/v1/experiments");
  if (list === null || list.experiments.length === 0) {
    root.innerHTML = `<h2>Experiments</h2>` + notice("No experiment is configured.",
      "Add an experiment to lookout.yaml and restart the gateway, for example <pre>experiments:\n" +
      "  - id: greeting-v2\n    control: a\n    variants: [{name: a, weight: 0.5}, {name: b, weight: 0.5}]\n" +
      "    metrics: [thumbs_up, cost_usd, latency_ms]</pre>Send feedback with " +
      "<code>POST /v1/feedback</code>.");
    return;
  }
  const experiments = list.experiments;
  root.innerHTML = `<h2>Experiments</h2>
    <div class="tabs">${experiments.map((e) =>
      `<button data-id="${esc(e.id)}">${esc(e.id)}</button>`).join("")}</div>
    <div id="experiment"></div>`;
  root.querySelectorAll(".tabs button").forEach((button) =>
    button.addEventListener("click", () => show(root, experiments, button.dataset.id)));
  const first = experiments.find((e) => e.id === selected) ?? experiments[0];
  await show(root, experiments, first.id);
}

async function show(root, experiments, id) {
  selected = id;
  root.querySelectorAll(".tabs button").forEach((b) => b.classList.toggle("active", b.dataset.id === id));
  const config = experiments.find((e) => e.id === id);
  const analysis = await getJson(`/api/v1/experiments/${encodeURIComponent(id)}`);
  const srm = analysis.srm_mismatch
    ? `<div class="error" id="srm-warning"><strong>Sample ratio mismatch</strong> (p = ${num(analysis.srm_p_value, 4)}):
       the variants did not get the traffic their weights ask for, so the results below are suspect.
       Check the assignment before trusting them.</div>`
    : `<p class="good">No sample ratio mismatch (p = ${num(analysis.srm_p_value, 4)}).</p>`;
  const metrics = Object.entries(analysis.metrics ?? {});
  document.getElementById("experiment").innerHTML = `
    <p>Control <code>${esc(analysis.control)}</code>; variants ${config.variants.map((v) =>
      `<code>${esc(v.name)}</code> (${pct(v.weight)})`).join(", ")};
      started ${time(config.start)}${config.stop ? `, stopped ${time(config.stop)}` : ""};
      p-values adjusted by ${esc(analysis.correction)}.</p>
    ${srm}
    ${metrics.map(([metric, variants]) => `<h3>${esc(metric)}</h3>
      <table class="experiment-metric"><tr><th>Variant</th><th class="num">n</th><th class="num">Mean</th>
      <th class="num">Difference</th><th class="num">95% interval</th><th class="num">p-value</th>
      <th class="num">Adjusted p</th><th class="num">Sequential p</th><th class="num">Lift</th>
      <th class="num">n still needed</th></tr>
      ${Object.entries(variants).map(([name, v]) => `<tr><td><code>${esc(name)}</code>${
        name === analysis.control ? ' <span class="muted">control</span>' : ""}</td>
        <td class="num">${int(v.n)}</td><td class="num">${num(v.mean, 4)}</td>
        <td class="num">${num(v.diff, 4)}</td>
        <td class="num">${v.ci95 ? `[${num(v.ci95[0], 4)}, ${num(v.ci95[1], 4)}]` : "–"}</td>
        <td class="num">${num(v.p_value, 4)}</td><td class="num">${num(v.p_value_adjusted, 4)}</td>
        <td class="num">${num(v.sequential_p_value, 4)}</td><td class="num">${pct(v.relative_lift)}</td>
        <td class="num">${int(v.n_needed)}</td></tr>`).join("")}</table>`).join("")}`;
}
