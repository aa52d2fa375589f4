// Line charts (uPlot, served from its WebJar). Long runs are downsampled to at most MAX_POINTS per series
// and redraws are coalesced, so a 1,000-epoch job streaming live stays responsive.
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import { h } from './ui.js';

export const MAX_POINTS = 400;
export const SERIES_COLORS = ['#1f4e79', '#d9622b', '#2e8b57', '#8e44ad', '#b8860b', '#c0392b', '#16a085', '#34495e', '#7f8c8d', '#d35400'];

/** Bucket means: keeps the shape of a curve with n points in about max points (nulls are skipped). */
export function downsample(xs, ys, max = MAX_POINTS) {
  const n = xs.length;
  if (n <= max) return [xs, ...ys];
  const k = Math.ceil(n / max);
  const outX = [];
  const outY = ys.map(() => []);
  for (let i = 0; i < n; i += k) {
    const end = Math.min(n, i + k);
    outX.push(xs[end - 1]);
    ys.forEach((y, s) => {
      let sum = 0; let c = 0;
      for (let j = i; j < end; j++) if (y[j] !== null && y[j] !== undefined && Number.isFinite(y[j])) { sum += y[j]; c++; }
      outY[s].push(c ? sum / c : null);
    });
  }
  return [outX, ...outY];
}

/**
 * A chart in `parent`. series: [{label, color?, dash?, scale?}]; options.log puts y on a log scale (values
 * ≤ 0 are dropped), options.scales adds a second axis, e.g. {y2: 'momentum'}.
 */
export class Chart {
  constructor(parent, title, series, options = {}) {
    this.title = title;
    this.series = series;
    this.options = options;
    this.box = h('div', { class: 'chart', role: 'img', 'aria-label': `${title} chart`, dataset: { points: '0' } });
    parent.append(h('figure', { class: 'panel', style: 'margin:0' }, h('h3', {}, title), this.box));
    this.data = null;
    this.pending = false;
  }

  build() {
    const log = this.options.log;
    const axes = [{ label: 'epoch' }, { label: this.options.yLabel || '', size: 60, values: log ? (u, v) => v.map(fmtLog) : undefined }];
    const scales = { x: { time: false }, y: log ? { distr: 3 } : {} };
    if (this.options.y2) {
      scales.y2 = {};
      axes.push({ scale: 'y2', side: 1, label: this.options.y2, grid: { show: false }, size: 50 });
    }
    this.plot = new uPlot({
      width: Math.max(300, this.box.clientWidth || 480),
      height: 220,
      scales,
      axes,
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
      series: [{ label: 'epoch' }, ...this.series.map((s, i) => ({
        label: s.label,
        stroke: s.color || SERIES_COLORS[i % SERIES_COLORS.length],
        width: 1.6,
        dash: s.dash,
        scale: s.scale || 'y',
        spanGaps: true,
        points: { show: false },
      }))],
    }, this.data, this.box);
    new ResizeObserver(() => this.plot.setSize({ width: Math.max(300, this.box.clientWidth), height: 220 })).observe(this.box);
  }

  /** xs: epochs; ys: one array per series. Redraws at most once per animation frame. */
  set(xs, ys) {
    const clean = this.options.log ? ys.map((y) => y.map((v) => (v > 0 ? v : null))) : ys;
    this.data = downsample(xs, clean);
    this.box.dataset.points = String(xs.length);
    this.box.dataset.drawn = String(this.data[0].length);
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      if (!this.plot) this.build(); else this.plot.setData(this.data);
    });
  }
}

function fmtLog(v) {
  if (v === null) return '';
  const e = Math.log10(v);
  return Math.abs(e - Math.round(e)) < 1e-6 ? `1e${Math.round(e)}` : '';
}
