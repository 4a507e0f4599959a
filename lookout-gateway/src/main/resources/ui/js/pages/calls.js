// Call log: the calls of the range, newest first, filtered by model, status, user, template and
// experiment. A click opens the call's record, its guard actions and its stored payload.

import { getJson, getOptional } from "../api.js";
import { esc, int, ms, notice, time, usd } from "../format.js";

const FILTERS = [
  ["model", "Model"],
  ["status", "Status"],
  ["user", "User"],
  ["template", "Template"],
  ["experiment", "Experiment"],
];
const STATUSES = ["", "success", "error", "timeout", "filtered", "cancelled"];
const PAGE_SIZE = 50;

const filters = {};
let selected = null;

export async function render(root, { since, refresh }) {
  root.innerHTML = `<h2>Calls</h2>
    <form class="filters" id="call-filters">${FILTERS.map(([name, label]) => `<label>${label}${
      name === "status"
        ? `<select name="status">${STATUSES.map((s) =>
            `<option value="${s}" ${filters.status === s ? "selected" : ""}>${s || "any"}</option>`).join("")}</select>`
        : `<input name="${name}" size="14" value="${esc(filters[name] ?? "")}">`
    }</label>`).join("")}
      <button type="submit">Apply</button> <button type="reset">Clear</button></form>
    <div class="split"><div><div id="call-list"></div>
      <button id="more" hidden>Older calls</button></div>
      <div id="call-detail" class="card"><span class="muted">Click a call to see its record.</span></div></div>`;
  const form = document.getElementById("call-filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const [name] of FILTERS) filters[name] = form.elements[name].value.trim();
    refresh();
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    for (const [name] of FILTERS) filters[name] = "";
    refresh();
  });
  const list = document.getElementById("call-list");
  list.innerHTML = `<table id="calls-table"><thead><tr><th>Time</th><th>Model</th><th>Status</th>
    <th class="num">Latency</th><th class="num">Cost</th><th class="num">Tokens in/out</th>
    <th>User</th><th>Template</th><th>Guards</th></tr></thead><tbody></tbody></table>`;
  await loadPage(since, null);
  if (selected) await showDetail(selected);
}

async function loadPage(since, before) {
  const page = await getJson("/api/v1/calls", { since, limit: PAGE_SIZE, before, ...filters });
  const body = document.querySelector("#calls-table tbody");
  for (const call of page.calls) {
    const row = document.createElement("tr");
    row.className = "clickable";
    row.dataset.requestId = call.request_id;
    row.innerHTML = `<td>${time(call.timestamp)}</td><td>${esc(call.model)}</td>
      <td class="${call.status === "success" ? "" : "bad"}">${esc(call.status)}</td>
      <td class="num">${ms(call.latency_ms)}</td><td class="num">${usd(call.cost_usd)}</td>
      <td class="num">${int(call.input_tokens)} / ${int(call.output_tokens)}</td>
      <td>${esc(call.user_id)}</td><td>${esc(call.prompt_template)}</td>
      <td>${call.guarded ? "acted" : ""}</td>`;
    row.addEventListener("click", () => {
      document.querySelectorAll("#calls-table tr.selected").forEach((r) => r.classList.remove("selected"));
      row.classList.add("selected");
      showDetail(call.request_id);
    });
    body.appendChild(row);
  }
  if (body.children.length === 0) {
    body.innerHTML = '<tr><td colspan="9" class="muted">No calls match.</td></tr>';
  }
  const more = document.getElementById("more");
  more.hidden = !page.next_before;
  more.onclick = () => loadPage(since, page.next_before);
}

async function showDetail(requestId) {
  selected = requestId;
  const detail = document.getElementById("call-detail");
  const [call, payload] = await Promise.all([
    getJson(`/api/v1/calls/${encodeURIComponent(requestId)}`),
    getOptional(`/api/v1/calls/${encodeURIComponent(requestId)}/payload`),
  ]);
  const fields = Object.entries(call).filter(([name]) => name !== "guard_actions" && name !== "metadata");
  const guards = Array.isArray(call.guard_actions) ? call.guard_actions : [];
  detail.innerHTML = `<h3>Call <code id="detail-id">${esc(call.request_id)}</code></h3>
    <table class="record">${fields.map(([name, value]) =>
      `<tr><th>${esc(name)}</th><td>${esc(value ?? "–")}</td></tr>`).join("")}</table>
    <h3>Metadata</h3><pre>${esc(JSON.stringify(call.metadata, null, 2))}</pre>
    <h3>Guard actions</h3>${guards.length === 0 ? '<span class="muted">No guard acted.</span>'
      : `<table id="guard-actions"><tr><th>Guard</th><th>Direction</th><th>Action</th><th>Reasons</th></tr>${
        guards.map((g) => `<tr><td>${esc(g.guard)}</td><td>${esc(g.direction)}</td>
          <td>${esc(g.action)}</td><td>${esc((g.reasons ?? []).join(", "))}</td></tr>`).join("")}</table>`}
    <h3>Payload</h3>${payload === null
      ? notice("No stored payload for this call.",
          "Payload capture is off, or this call was sampled out. Start the gateway with " +
          "<code>--capture redacted</code> to store request and response bodies after the guards " +
          "redacted them.")
      : `<p class="muted">Capture: ${esc(payload.capture)}</p>
         <h3>Request</h3><pre id="payload-request">${esc(pretty(payload.request))}</pre>
         <h3>Response</h3><pre id="payload-response">${esc(pretty(payload.response))}</pre>`}`;
}

function pretty(value) {
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}
