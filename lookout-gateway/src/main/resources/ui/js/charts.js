// Time-series charts drawn by uPlot (served from its WebJar). Every chart drawn is kept in
// `window.lookoutCharts` under its id, so a test can compare a chart's data with the API's.

import uPlot from "../vendor/uplot/uPlot.esm.js";

const COLORS = ["#2563eb", "#c2410c", "#15803d", "#7c3aed", "#b45309", "#0e7490", "#be185d"];

window.lookoutCharts = window.lookoutCharts ?? {};

/**
 * Draws a line chart into `container`. `times` are ISO strings; `series` is a list of
 * {label, values} with one value (or null) per time. `options.since` (ISO) fixes the start of
 * the x axis, which then ends now, so a chart always spans the chosen time range.
 */
export function lineChart(container, id, title, times, series, options = {}) {
  window.lookoutCharts[id]?.destroy();
  delete window.lookoutCharts[id];
  container.innerHTML = `<div class="muted">${title}</div>`;
  const holder = document.createElement("div");
  holder.dataset.chart = id;
  container.appendChild(holder);
  if (times.length === 0) {
    holder.innerHTML = '<div class="muted">No calls in this range.</div>';
    return null;
  }
  const seconds = times.map((t) => Date.parse(t) / 1000);
  const width = Math.max(320, container.clientWidth - 24);
  const chart = new uPlot(
    {
      width,
      height: options.height ?? 200,
      scales: {
        x: options.since
          ? { time: true, range: () => [Date.parse(options.since) / 1000, Date.now() / 1000] }
          : { time: true },
      },
      axes: [{}, { size: 60, values: options.axisValues }],
      legend: { live: true },
      series: [
        {},
        ...series.map((s, i) => ({
          label: s.label,
          stroke: COLORS[i % COLORS.length],
          width: 1.5,
          points: { show: times.length < 40 },
          spanGaps: false,
        })),
      ],
    },
    [seconds, ...series.map((s) => s.values)],
    holder,
  );
  window.lookoutCharts[id] = chart;
  return chart;
}
