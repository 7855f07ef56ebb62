// Charts drawn with uPlot. Metric curves are downsampled here, in the browser: every point is fetched from
// /api/v1/runs/{id}/metrics, then each curve keeps, per pixel column of the plot, its first, lowest, highest and
// last point (M4), so a 100,000-point curve draws about 4 × width points and looks exactly like the full curve.
import {uPlot} from './vendor.js';

export const PALETTE = ['#1f5fbf', '#d9480f', '#2b8a3e', '#862e9c', '#c2255c', '#0b7285', '#e67700', '#5c940d', '#364fc7', '#a61e4d'];
export const RISK_COLOURS = {LOW: '#2e8b57', MEDIUM: '#d98e04', HIGH: '#c0392b'};

/** M4 downsampling: per x-bucket the first, min, max and last point, in x order. xs must be ascending. */
export function downsample(xs, ys, buckets) {
  const n = xs.length;
  if (n <= buckets * 4) return {xs, ys};
  const x0 = xs[0];
  const span = (xs[n - 1] - x0) || 1;
  const outX = [];
  const outY = [];
  const bucketOf = (x) => Math.min(buckets - 1, Math.floor((x - x0) / span * buckets));
  let i = 0;
  while (i < n) {
    const bucket = bucketOf(xs[i]);
    let minIndex = i;
    let maxIndex = i;
    let j = i;
    while (j < n && bucketOf(xs[j]) === bucket) {
      if (ys[j] < ys[minIndex]) minIndex = j;
      if (ys[j] > ys[maxIndex]) maxIndex = j;
      j++;
    }
    const keep = [...new Set([i, minIndex, maxIndex, j - 1])].sort((a, b) => a - b);
    for (const k of keep) {
      outX.push(xs[k]);
      outY.push(ys[k]);
    }
    i = j;
  }
  return {xs: outX, ys: outY};
}

/** Exponential moving average with bias correction (as TensorBoard smooths); weight 0 leaves the curve as it is. */
export function smooth(ys, weight) {
  if (!weight) return ys;
  const out = new Array(ys.length);
  let last = 0;
  for (let i = 0; i < ys.length; i++) {
    last = last * weight + (1 - weight) * ys[i];
    out[i] = last / (1 - Math.pow(weight, i + 1));
  }
  return out;
}

function widthOf(container) {
  return Math.max(280, Math.floor(container.getBoundingClientRect().width || container.parentElement?.clientWidth || 600));
}

function keepSized(container, plot, height) {
  const observer = new ResizeObserver(() => {
    const width = widthOf(container);
    if (Math.abs(width - plot.width) > 2) plot.setSize({width, height});
  });
  observer.observe(container);
  return () => observer.disconnect();
}

function range(values) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return {min, max};
}

/**
 * Overlaid line curves, x = step. series: [{label, id, xs, ys}] with all points. The container's data-chart attribute
 * tells what was drawn (points received, points drawn, their range, first and last point), for people and tests.
 */
export function lineChart(container, {series, log = false, smoothing = 0, height = 300, yLabel = ''}) {
  const started = performance.now();
  const width = widthOf(container);
  const prepared = series.map(({label, id, xs, ys}, index) => {
    const values = smooth(ys, smoothing);
    const drawn = downsample(xs, values, width);
    const {min, max} = range(values);
    return {
      label, colour: PALETTE[index % PALETTE.length], drawn,
      summary: {
        label, id, points: xs.length, drawn: drawn.xs.length, min: xs.length ? min : null, max: xs.length ? max : null,
        first: xs.length ? [xs[0], values[0]] : null, last: xs.length ? [xs.at(-1), values.at(-1)] : null,
      },
    };
  });
  const tables = prepared.map(({drawn}) => [drawn.xs, log ? drawn.ys.map((y) => (y > 0 ? y : null)) : drawn.ys]);
  const data = tables.length === 1 ? tables[0] : uPlot.join(tables);
  container.replaceChildren();
  const info = {series: prepared.map((p) => p.summary), log, smoothing, draw_ms: null};
  container.dataset.chart = JSON.stringify(info);
  const plot = new uPlot({
    width, height,
    scales: {x: {time: false}, y: log ? {distr: 3} : {}},
    axes: [{label: 'step'}, {label: yLabel, size: 70}],
    legend: {live: true},
    cursor: {drag: {x: true, y: false}},
    series: [{label: 'step'}, ...prepared.map((p) => ({
      label: p.label, stroke: p.colour, width: 1.5, spanGaps: true, points: {show: false},
    }))],
    hooks: {
      draw: [() => {
        if (info.draw_ms === null) {
          info.draw_ms = Math.round(performance.now() - started);
          container.dataset.chart = JSON.stringify(info);
          container.dataset.drawn = 'true';
        }
      }],
    },
  }, data, container);
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', `${yLabel || 'metric'} by step: ` + info.series.map((s) => `${s.label}, ${s.points} points`).join('; '));
  return {plot, stop: keepSized(container, plot, height)};
}

/**
 * Risk levels per time bucket as stacked bars. buckets: [{from, to, LOW, MEDIUM, HIGH}] (from/to ISO instants).
 * Each bar is drawn as three overlapping bars (total, LOW + MEDIUM, LOW); the legend shows each level's own count.
 */
export function stackedRiskChart(container, buckets, {height = 280} = {}) {
  const xs = buckets.map((b) => Date.parse(b.from) / 1000);
  const low = buckets.map((b) => b.LOW);
  const lowMedium = buckets.map((b) => b.LOW + b.MEDIUM);
  const total = buckets.map((b) => b.LOW + b.MEDIUM + b.HIGH);
  const own = {HIGH: buckets.map((b) => b.HIGH), MEDIUM: buckets.map((b) => b.MEDIUM), LOW: low};
  const bars = uPlot.paths.bars({size: [0.85, 80], align: 0});
  // half a bucket of room on both sides, so that the first and the last bar are drawn whole
  const half = xs.length > 1 ? (xs[1] - xs[0]) / 2 : 1800;
  const level = (name, values) => ({
    label: name, fill: RISK_COLOURS[name], stroke: RISK_COLOURS[name], width: 0, paths: bars, points: {show: false},
    value: (u, v, seriesIndex, index) => (index === null || index === undefined ? '—' : own[name][index]),
  });
  container.replaceChildren();
  const width = widthOf(container);
  const plot = new uPlot({
    width, height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: {
      x: {time: true, range: (u, min, max) => [min - half, max + half]},
      y: {range: (u, min, max) => [0, Math.max(1, max) * 1.1]},
    },
    axes: [{}, {label: 'predictions', size: 60}],
    series: [{label: 'UTC'}, level('HIGH', total), level('MEDIUM', lowMedium), level('LOW', low)],
  }, [xs, total, lowMedium, low], container);
  container.dataset.chart = JSON.stringify({buckets});
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', 'Predictions per time bucket by risk level; the table below holds the same numbers');
  return {plot, stop: keepSized(container, plot, height)};
}
