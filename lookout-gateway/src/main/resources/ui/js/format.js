// Number and text formatting shared by the pages.

/** Escapes text for use inside HTML. */
export function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) =>
    ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

export function int(value) {
  return value === null || value === undefined ? "–" : Number(value).toLocaleString("en-US");
}

/** Formats a decimal-string cost in US dollars with 4 decimals, or 6 below one cent. */
export function usd(value) {
  if (value === null || value === undefined) return "–";
  const number = Number(value);
  const digits = number !== 0 && Math.abs(number) < 0.01 ? 6 : 4;
  return "$" + number.toFixed(digits);
}

export function ms(value) {
  return value === null || value === undefined ? "–" : `${Number(value).toFixed(1)} ms`;
}

export function pct(value) {
  return value === null || value === undefined ? "–" : `${(100 * value).toFixed(1)}%`;
}

export function num(value, digits = 3) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
}

export function time(iso) {
  if (!iso) return "–";
  return new Date(iso).toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
}

/** Returns a `<div class="notice">` telling how to turn a feature on. */
export function notice(title, html) {
  return `<div class="notice"><strong>${esc(title)}</strong><div>${html}</div></div>`;
}
