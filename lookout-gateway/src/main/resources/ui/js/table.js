// A table whose columns sort by a click on their header.

import { esc } from "./format.js";

/**
 * Renders `rows` into `container`. Each column is {key, label, value(row) for sorting,
 * html(row) for display, num: right-aligned}. `onRowClick(row)` makes rows clickable.
 */
export function sortableTable(container, columns, rows, options = {}) {
  let sortKey = options.sortKey ?? null;
  let descending = options.descending ?? true;

  function value(column, row) {
    return column.value ? column.value(row) : row[column.key];
  }

  function render() {
    const sorted = [...rows];
    const column = columns.find((c) => c.key === sortKey);
    if (column) {
      sorted.sort((a, b) => {
        const x = value(column, a);
        const y = value(column, b);
        const order = typeof x === "number" && typeof y === "number"
          ? x - y : String(x ?? "").localeCompare(String(y ?? ""));
        return descending ? -order : order;
      });
    }
    const head = columns.map((c) => {
      const classes = ["sortable", c.num ? "num" : ""];
      if (c.key === sortKey) classes.push(descending ? "sorted-desc" : "sorted-asc");
      return `<th class="${classes.join(" ")}" data-key="${esc(c.key)}">${esc(c.label)}</th>`;
    }).join("");
    const body = sorted.map((row, index) => {
      const cells = columns.map((c) =>
        `<td class="${c.num ? "num" : ""}">${c.html ? c.html(row) : esc(value(c, row))}</td>`).join("");
      return `<tr data-index="${index}" class="${options.onRowClick ? "clickable" : ""}">${cells}</tr>`;
    }).join("");
    container.innerHTML = `<table class="${esc(options.className ?? "")}">` +
      `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    container.querySelectorAll("th").forEach((th) => th.addEventListener("click", () => {
      descending = th.dataset.key === sortKey ? !descending : true;
      sortKey = th.dataset.key;
      render();
    }));
    if (options.onRowClick) {
      container.querySelectorAll("tbody tr").forEach((tr) => tr.addEventListener("click", () => {
        container.querySelectorAll("tr.selected").forEach((s) => s.classList.remove("selected"));
        tr.classList.add("selected");
        options.onRowClick(sorted[Number(tr.dataset.index)]);
      }));
    }
  }

  render();
}
