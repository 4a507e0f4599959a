// The dashboard shell: picks the page from the URL hash, re-renders it when the time range
// changes or the refresh timer fires, and shows errors and the token form.

import { ApiError, saveToken } from "./api.js";
import { esc } from "./format.js";
import * as overview from "./pages/overview.js";
import * as breakdowns from "./pages/breakdowns.js";
import * as calls from "./pages/calls.js";
import * as guardrails from "./pages/guardrails.js";
import * as drift from "./pages/drift.js";
import * as experiments from "./pages/experiments.js";
import * as budgets from "./pages/budgets.js";

const PAGES = { overview, breakdowns, calls, guardrails, drift, experiments, budgets };

const main = document.getElementById("page");
const range = document.getElementById("range");
const refresh = document.getElementById("refresh");
const updated = document.getElementById("updated");
let timer = null;
let current = null;

function pageName() {
  const name = location.hash.replace(/^#/, "").split("/")[0];
  return PAGES[name] ? name : "overview";
}

/** Renders the current page; `update` keeps its inputs (filters, selection) when it can. */
async function show(update = false) {
  const name = pageName();
  document.querySelectorAll("#nav a").forEach((a) =>
    a.classList.toggle("active", a.getAttribute("href") === `#${name}`));
  // Pages call `refresh` after a change of their own inputs, so the page state goes through
  // loading and ready again.
  const context = { since: range.value, update: update && current === name, refresh: () => show(true) };
  current = name;
  main.dataset.page = name;
  main.dataset.state = "loading";
  try {
    await PAGES[name].render(main, context);
    main.dataset.state = "ready";
    updated.textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    main.dataset.state = "error";
    showError(error);
  }
}

function showError(error) {
  if (error instanceof ApiError && error.status === 401) {
    main.innerHTML = `<div class="notice"><strong>This dashboard needs a token.</strong>
      <p>${esc(error.message)}</p>
      <form id="token-form"><input id="token" type="password" size="40" placeholder="token">
      <button>Use token</button></form></div>`;
    document.getElementById("token-form").addEventListener("submit", (event) => {
      event.preventDefault();
      saveToken(document.getElementById("token").value);
      show();
    });
    return;
  }
  main.innerHTML = `<div class="error"><strong>Loading this page failed.</strong>
    <p>${esc(error.message)}</p></div>`;
  console.warn("lookout: page failed", error);
}

function schedule() {
  clearInterval(timer);
  const seconds = Number(refresh.value);
  if (seconds > 0) timer = setInterval(() => show(true), seconds * 1000);
}

window.addEventListener("hashchange", () => show());
range.addEventListener("change", () => show());
refresh.addEventListener("change", schedule);
schedule();
show();
